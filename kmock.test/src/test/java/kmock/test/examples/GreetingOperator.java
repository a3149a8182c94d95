package kmock.test.examples;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/** A small operator as a user would write one: every ConfigMap labelled app=greeter gets a greeting ConfigMap. */
final class GreetingOperator implements AutoCloseable {

    private final KubernetesClient client;
    private final SharedIndexInformer<ConfigMap> informer;

    GreetingOperator(KubernetesClient client) {
        this.client = client;
        this.informer = client.configMaps().withLabel("app", "greeter").inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap source) {
                reconcile(source);
            }

            @Override
            public void onUpdate(ConfigMap before, ConfigMap source) {
                reconcile(source);
            }

            @Override
            public void onDelete(ConfigMap source, boolean finalStateUnknown) {
                client.configMaps()
                        .withName(source.getMetadata().getName() + "-greeting")
                        .delete();
            }
        });
    }

    private void reconcile(ConfigMap source) {
        client.configMaps()
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(source.getMetadata().getName() + "-greeting")
                        .endMetadata()
                        .addToData("greeting", "Hello, " + source.getData().get("name") + "!")
                        .build())
                .createOr(NonDeletingOperation::update);
    }

    @Override
    public void close() {
        informer.close();
    }
}
