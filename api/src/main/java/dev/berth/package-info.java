/**
 * Berth: a fluent, typed Java DSL over the Docker Engine API.
 *
 * <p>Start with {@link dev.berth.Docker#connect()}; every {@code docker} command has a line from there:
 * {@link dev.berth.Docker#containers()} ({@code run}, {@code ps}, {@code logs}, {@code exec}, {@code cp}),
 * {@link dev.berth.Docker#images()} ({@code pull}, {@code build}, {@code push}, {@code images}),
 * {@link dev.berth.Docker#volumes()}, {@link dev.berth.Docker#networks()}, {@link dev.berth.Docker#stacks()}
 * (compose) and {@link dev.berth.Docker#system()} ({@code df}, {@code events}, {@code prune}).
 *
 * <p>Specs ({@link dev.berth.ContainerSpec}, {@link dev.berth.BuildSpec}, {@link dev.berth.Wait} …) are immutable
 * values; handles ({@link dev.berth.Container}, {@link dev.berth.Image} …) close to clean up. Every error is an
 * unchecked {@link dev.berth.DockerException} subtype that names the rule, the value and the fix. This package has no
 * engine library types; the implementation (berth-core) is found through {@link java.util.ServiceLoader}.
 *
 * @serial exclude Berth's exceptions are Serializable only because Throwable is; their serialized form is not part
 *     of the API
 */
package dev.berth;
