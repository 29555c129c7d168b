package dev.berth.core.internal;

import dev.berth.DeployedStack;
import dev.berth.ExecResult;
import dev.berth.OneOffSpec;
import dev.berth.Stack;
import dev.berth.StackSpec;
import dev.berth.Stacks;
import dev.berth.UpOption;
import dev.berth.core.internal.compose.EngineStacks;
import dev.berth.core.internal.swarm.SwarmStacks;
import java.util.List;

/** {@code docker.stacks()}: compose projects on one engine ({@code up}) and swarm stacks ({@code deploy}). */
final class AllStacks implements Stacks {
    private final EngineStacks compose;
    private final SwarmStacks swarm;

    AllStacks(EngineStacks compose, SwarmStacks swarm) {
        this.compose = compose;
        this.swarm = swarm;
    }

    @Override
    public Stack up(StackSpec spec, UpOption... options) {
        return compose.up(spec, options);
    }

    @Override
    public void pull(StackSpec spec) {
        compose.pull(spec);
    }

    @Override
    public void build(StackSpec spec) {
        compose.build(spec);
    }

    @Override
    public ExecResult run(StackSpec spec, String service, String... command) {
        return compose.run(spec, service, command);
    }

    @Override
    public ExecResult run(StackSpec spec, OneOffSpec oneOff) {
        return compose.run(spec, oneOff);
    }

    @Override
    public Stack get(String projectName) {
        return compose.get(projectName);
    }

    @Override
    public DeployedStack deploy(StackSpec spec) {
        return swarm.deploy(spec);
    }

    @Override
    public DeployedStack deployed(String stackName) {
        return swarm.deployed(stackName);
    }

    @Override
    public List<String> deployedNames() {
        return swarm.names();
    }
}
