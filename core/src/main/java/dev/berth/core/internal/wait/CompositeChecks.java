package dev.berth.core.internal.wait;

import dev.berth.Wait;
import java.util.ArrayList;
import java.util.List;

/** {@link Wait#allOf} and {@link Wait#anyOf}: parts polled side by side. */
final class CompositeChecks {
    private CompositeChecks() {
    }

    /** Polls its parts side by side; a part that holds is not polled again. */
    abstract static class Composite implements WaitCheck {
        final List<WaitCheck> parts = new ArrayList<>();
        private final long deadline;
        private final String description;

        Composite(WaitTarget container, List<Wait> waits, ExitWatch exit, long deadline, String description) {
            this.deadline = deadline;
            this.description = description;
            try {
                for (Wait wait : waits) {
                    parts.add(WaitChecks.of(container, wait, exit, deadline));
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public long delayNanos() {
            return parts.stream().mapToLong(WaitCheck::delayNanos).min().orElse(5_000_000);
        }

        @Override
        public long deadline() {
            return deadline;
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public void close() {
            parts.forEach(WaitCheck::close);
        }
    }

    static final class AllCheck extends Composite {
        private final List<WaitCheck> pending;

        AllCheck(WaitTarget container, Wait.All wait, ExitWatch exit, long deadline) {
            super(container, wait.waits(), exit, deadline, wait.toString());
            this.pending = new ArrayList<>(parts);
        }

        @Override
        public boolean poll() {
            pending.removeIf(WaitCheck::poll);
            return pending.isEmpty();
        }

        @Override
        public long deadline() {
            return pending.stream().mapToLong(WaitCheck::deadline).min().orElse(super.deadline());
        }

        @Override
        public String progress() {
            return pending.isEmpty() ? "done" : pending.get(0).describe() + ": " + pending.get(0).progress();
        }
    }

    static final class AnyCheck extends Composite {
        AnyCheck(WaitTarget container, Wait.Any wait, ExitWatch exit, long deadline) {
            super(container, wait.waits(), exit, deadline, wait.toString());
        }

        @Override
        public boolean poll() {
            for (WaitCheck part : parts) {
                if (part.poll()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public long deadline() {
            return parts.stream().mapToLong(WaitCheck::deadline).max().orElse(super.deadline());
        }

        @Override
        public String progress() {
            StringBuilder text = new StringBuilder();
            parts.forEach(p -> text.append(text.length() == 0 ? "" : "; ").append(p.describe()).append(": ")
                    .append(p.progress()));
            return text.toString();
        }
    }
}
