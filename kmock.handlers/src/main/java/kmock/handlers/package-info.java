/** Public handler types: RawHandler, KubernetesScaffold, KubernetesEmulator and their DSL. */
package kmock.handlers;
