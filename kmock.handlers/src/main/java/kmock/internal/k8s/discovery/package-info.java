/**
 * Kubernetes discovery: the catalog snapshot ({@link kmock.internal.k8s.discovery.Catalog}), reading discovery
 * dumps ({@link kmock.internal.k8s.discovery.ResourceLists}), the documents of {@code /}, {@code /version},
 * {@code /api}, {@code /apis} and the resource lists ({@link kmock.internal.k8s.discovery.Discovery}), OpenAPI v3
 * for kubectl ({@link kmock.internal.k8s.discovery.OpenApi}), and the texts of "how to declare it" hints
 * ({@link kmock.internal.k8s.discovery.Hints}).
 *
 * <p>{@code bundled-resources.json.gz} beside these classes is the discovery of a recent K3s cluster (facts, not
 * code), reduced to the groups built into kube-apiserver: core {@code v1}, {@code apps}, {@code batch},
 * {@code autoscaling}, {@code policy} and the {@code *.k8s.io} groups. Dropped: {@code metrics.k8s.io}, served
 * by metrics-server rather than built in, and {@code gateway.networking.k8s.io}, a CRD in K3s. Every field of the
 * kept documents is kept (short names, categories, subresource entries). It was built once, reproducibly, with:
 * <pre>
 * zcat k3s-discovery.json.gz \
 *   | jq -c '[.[] | select(.groupVersion | test("^(metrics|gateway\\.networking)\\.k8s\\.io/") | not)]' \
 *   | gzip -9n &gt; bundled-resources.json.gz
 * </pre>
 * A newer cluster's discovery can replace it: {@code kmock fetch resources -o bundled-resources.json.gz}.
 */
package kmock.internal.k8s.discovery;
