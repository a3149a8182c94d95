package kmock.internal.k8s.controllers;

import kmock.api.Resource;

/** The resources the controllers read and write, by their preferred version. */
public final class Kinds {

    /** {@code v1/pods}. */
    public static final Resource PODS = new Resource("", "v1", "pods");
    /** {@code v1/nodes}. */
    public static final Resource NODES = new Resource("", "v1", "nodes");
    /** {@code v1/namespaces}. */
    public static final Resource NAMESPACES = new Resource("", "v1", "namespaces");
    /** {@code v1/services}. */
    public static final Resource SERVICES = new Resource("", "v1", "services");
    /** {@code v1/endpoints}. */
    public static final Resource ENDPOINTS = new Resource("", "v1", "endpoints");
    /** {@code v1/configmaps}. */
    public static final Resource CONFIG_MAPS = new Resource("", "v1", "configmaps");
    /** {@code v1/serviceaccounts}. */
    public static final Resource SERVICE_ACCOUNTS = new Resource("", "v1", "serviceaccounts");
    /** {@code v1/persistentvolumeclaims}. */
    public static final Resource CLAIMS = new Resource("", "v1", "persistentvolumeclaims");
    /** {@code apps/v1/deployments}. */
    public static final Resource DEPLOYMENTS = new Resource("apps", "v1", "deployments");
    /** {@code apps/v1/replicasets}. */
    public static final Resource REPLICA_SETS = new Resource("apps", "v1", "replicasets");
    /** {@code apps/v1/statefulsets}. */
    public static final Resource STATEFUL_SETS = new Resource("apps", "v1", "statefulsets");
    /** {@code apps/v1/daemonsets}. */
    public static final Resource DAEMON_SETS = new Resource("apps", "v1", "daemonsets");
    /** {@code apps/v1/controllerrevisions}. */
    public static final Resource REVISIONS = new Resource("apps", "v1", "controllerrevisions");
    /** {@code batch/v1/jobs}. */
    public static final Resource JOBS = new Resource("batch", "v1", "jobs");
    /** {@code batch/v1/cronjobs}. */
    public static final Resource CRON_JOBS = new Resource("batch", "v1", "cronjobs");
    /** {@code discovery.k8s.io/v1/endpointslices}. */
    public static final Resource ENDPOINT_SLICES = new Resource("discovery.k8s.io", "v1", "endpointslices");

    private Kinds() {}
}
