package dev.berth.reliability;

import dev.berth.NameConflictException;
import dev.berth.Network;
import dev.berth.Volume;
import dev.berth.core.EngineTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Berth never deletes what it did not create unless the caller names it for deletion. Before: create("data1")
 * silently adopted an existing volume (the engine answers a create of an existing name with that volume) and the
 * tour's close() then deleted it with the user's data.
 */
class DataLossTest extends EngineTest {
    private static String unique() {
        return "berth-loss-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void getOrCreateAdoptsSomeoneElsesVolumeAndCloseKeepsItsData() {
        String name = unique();
        Runnable removeTheirs = Cli.volumeWithFile(name, "/v/db.txt", "precious");
        try {
            Volume adopted = docker.volumes().getOrCreate(name);
            assertTrue(adopted.adopted());
            assertTrue(adopted.toString().contains("adopted"), adopted.toString());
            adopted.close();
            assertTrue(Cli.volumeExists(name), "close() of an adopted volume removed it");
            assertEquals("precious", Cli.readFromVolume(name, "/v/db.txt"));
        } finally {
            removeTheirs.run();
        }
    }

    @Test
    void getOrCreateOfANewNameCreatesAndCloseRemovesIt() {
        String name = unique();
        Volume made = docker.volumes().getOrCreate(name);
        assertFalse(made.adopted());
        made.close();
        assertFalse(Cli.volumeExists(name));
    }

    @Test
    void createTwiceInOneSessionIsAConflictToo() {
        String name = unique();
        try (Volume first = docker.volumes().create(name)) {
            assertFalse(first.adopted());
            assertThrows(NameConflictException.class, () -> docker.volumes().create(name));
            try (Volume again = docker.volumes().getOrCreate(name)) {
                assertTrue(again.adopted(), "the second handle did not make it");
            }
            assertTrue(Cli.volumeExists(name), "closing the adopting handle kept it");
        }
        assertFalse(Cli.volumeExists(name), "the creating handle removed it");
    }

    @Test
    void explicitRemoveOfAnAdoptedVolumeStillRemoves() {
        String name = unique();
        Runnable removeTheirs = Cli.volumeWithFile(name, "/v/x", "x");
        try {
            docker.volumes().getOrCreate(name).remove();
            assertFalse(Cli.volumeExists(name), "remove() is the caller naming it for deletion");
        } finally {
            if (Cli.volumeExists(name)) {
                removeTheirs.run();
            }
        }
    }

    @Test
    void networksTheSame() {
        String name = unique();
        Cli.docker("network", "create", name);
        try {
            assertThrows(NameConflictException.class, () -> docker.networks().create(name));
            Network adopted = docker.networks().getOrCreate(name);
            assertTrue(adopted.adopted());
            adopted.close();
            assertTrue(Cli.networkExists(name), "close() of an adopted network removed it");
        } finally {
            Cli.docker("network", "rm", name);
        }
        Network made = docker.networks().getOrCreate(name);
        assertFalse(made.adopted());
        made.close();
        assertFalse(Cli.networkExists(name));
    }
}
