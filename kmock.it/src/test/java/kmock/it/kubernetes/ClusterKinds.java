package kmock.it.kubernetes;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import kmock.internal.json.Json;

/**
 * Objects of every kind with a printer, shaped as a cluster stores them (defaulted, with status), created ten days
 * ago, and the table {@code kubectl get} prints for each on a cluster: the header and the cells, by default and with
 * {@code -o wide}.
 */
final class ClusterKinds {

    /** Ten days ago, to the second: every age is {@code 10d}. */
    static final String CREATED = DateTimeFormatter.ISO_INSTANT.format(
            Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));

    /**
     * One kind: where its object goes, the object, and what kubectl prints.
     *
     * @param get       what follows {@code kubectl get}
     * @param resource  the resource spec for {@code objects().put}
     * @param namespace the object's namespace, or {@code null}
     * @param name      the object's name
     * @param object    the object as a cluster stores it
     * @param header    the default header
     * @param row       the default cells
     * @param wide      the {@code -o wide} header followed by its cells
     */
    record Kind(
            String get,
            String resource,
            String namespace,
            String name,
            Map<String, Object> object,
            List<String> header,
            List<String> row,
            List<List<String>> wide) {
        @Override
        public String toString() {
            return get;
        }
    }

    private ClusterKinds() {}

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return (Map<String, Object>) Json.parse(text.replace('\'', '"').replace("CREATED", CREATED));
    }

    private static Kind kind(
            String get,
            String resource,
            String namespace,
            String name,
            String json,
            List<String> header,
            List<String> row,
            List<String> wideHeader,
            List<String> wideRow) {
        String meta =
                "'metadata':{'name':'" + name + "'," + (namespace == null ? "" : "'namespace':'" + namespace + "',")
                        + "'creationTimestamp':'CREATED','labels':{'app':'web'}}";
        return new Kind(
                get,
                resource,
                namespace,
                name,
                json("{" + meta + (json.isEmpty() ? "" : "," + json) + "}"),
                header,
                row,
                List.of(wideHeader, wideRow));
    }

    private static final String TEMPLATE = "'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':["
            + "{'name':'web','image':'nginx:1.27'}]}}";

    /** Every kind with a printer, and the kinds that print the default NAME and CREATED AT. */
    static List<Kind> all() {
        return List.of(
                kind(
                        "pods",
                        "v1/pods",
                        "ns",
                        "web",
                        "'spec':{'nodeName':'node-1','containers':[{'name':'web','image':'nginx:1.27'}]},"
                                + "'status':{'phase':'Running','podIP':'10.244.0.5','podIPs':[{'ip':'10.244.0.5'}],"
                                + "'conditions':[{'type':'Ready','status':'True'}],'containerStatuses':[{'name':'web',"
                                + "'ready':true,'restartCount':3,'state':{'running':{'startedAt':'CREATED'}},"
                                + "'lastState':{'terminated':{'exitCode':1,'finishedAt':'CREATED'}}}]}",
                        List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"),
                        List.of("web", "1/1", "Running", "3 (10d ago)", "10d"),
                        List.of(
                                "NAME",
                                "READY",
                                "STATUS",
                                "RESTARTS",
                                "AGE",
                                "IP",
                                "NODE",
                                "NOMINATED NODE",
                                "READINESS GATES"),
                        List.of(
                                "web",
                                "1/1",
                                "Running",
                                "3 (10d ago)",
                                "10d",
                                "10.244.0.5",
                                "node-1",
                                "<none>",
                                "<none>")),
                kind(
                        "deployments",
                        "apps/v1/deployments",
                        "ns",
                        "web",
                        "'spec':{'replicas':3,'selector':{'matchLabels':{'app':'web'}}," + TEMPLATE + "},"
                                + "'status':{'replicas':3,'readyReplicas':2,'updatedReplicas':3,'availableReplicas':2}",
                        List.of("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"),
                        List.of("web", "2/3", "3", "2", "10d"),
                        List.of("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"),
                        List.of("web", "2/3", "3", "2", "10d", "web", "nginx:1.27", "app=web")),
                kind(
                        "replicasets",
                        "apps/v1/replicasets",
                        "ns",
                        "web-5d8f",
                        "'spec':{'replicas':3,'selector':{'matchLabels':{'app':'web','pod-template-hash':'5d8f'}},"
                                + TEMPLATE + "}," + "'status':{'replicas':3,'readyReplicas':3}",
                        List.of("NAME", "DESIRED", "CURRENT", "READY", "AGE"),
                        List.of("web-5d8f", "3", "3", "3", "10d"),
                        List.of("NAME", "DESIRED", "CURRENT", "READY", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"),
                        List.of(
                                "web-5d8f",
                                "3",
                                "3",
                                "3",
                                "10d",
                                "web",
                                "nginx:1.27",
                                "app=web,pod-template-hash=5d8f")),
                kind(
                        "statefulsets",
                        "apps/v1/statefulsets",
                        "ns",
                        "db",
                        "'spec':{'replicas':2,'serviceName':'db','selector':{'matchLabels':{'app':'web'}}," + TEMPLATE
                                + "}," + "'status':{'replicas':2,'readyReplicas':1}",
                        List.of("NAME", "READY", "AGE"),
                        List.of("db", "1/2", "10d"),
                        List.of("NAME", "READY", "AGE", "CONTAINERS", "IMAGES"),
                        List.of("db", "1/2", "10d", "web", "nginx:1.27")),
                kind(
                        "daemonsets",
                        "apps/v1/daemonsets",
                        "ns",
                        "agent",
                        "'spec':{'selector':{'matchLabels':{'app':'web'}},'template':{'metadata':{'labels':{'app':'web'}},"
                                + "'spec':{'nodeSelector':{'kubernetes.io/os':'linux'},'containers':[{'name':'agent','image':'agent:2'}]}}},"
                                + "'status':{'desiredNumberScheduled':2,'currentNumberScheduled':2,'numberReady':1,"
                                + "'updatedNumberScheduled':2,'numberAvailable':1}",
                        List.of(
                                "NAME",
                                "DESIRED",
                                "CURRENT",
                                "READY",
                                "UP-TO-DATE",
                                "AVAILABLE",
                                "NODE SELECTOR",
                                "AGE"),
                        List.of("agent", "2", "2", "1", "2", "1", "kubernetes.io/os=linux", "10d"),
                        List.of(
                                "NAME",
                                "DESIRED",
                                "CURRENT",
                                "READY",
                                "UP-TO-DATE",
                                "AVAILABLE",
                                "NODE SELECTOR",
                                "AGE",
                                "CONTAINERS",
                                "IMAGES",
                                "SELECTOR"),
                        List.of(
                                "agent",
                                "2",
                                "2",
                                "1",
                                "2",
                                "1",
                                "kubernetes.io/os=linux",
                                "10d",
                                "agent",
                                "agent:2",
                                "app=web")),
                kind(
                        "jobs",
                        "batch/v1/jobs",
                        "ns",
                        "backup",
                        "'spec':{'completions':1,'parallelism':1,'selector':{'matchLabels':{'batch.kubernetes.io/controller-uid':'u1'}},"
                                + "'template':{'spec':{'restartPolicy':'Never','containers':[{'name':'backup','image':'busybox'}]}}},"
                                + "'status':{'succeeded':1,'startTime':'CREATED','completionTime':'" + plus(45) + "',"
                                + "'conditions':[{'type':'Complete','status':'True'}]}",
                        List.of("NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"),
                        List.of("backup", "Complete", "1/1", "45s", "10d"),
                        List.of("NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"),
                        List.of(
                                "backup",
                                "Complete",
                                "1/1",
                                "45s",
                                "10d",
                                "backup",
                                "busybox",
                                "batch.kubernetes.io/controller-uid=u1")),
                kind(
                        "cronjobs",
                        "batch/v1/cronjobs",
                        "ns",
                        "nightly",
                        "'spec':{'schedule':'0 3 * * *','suspend':false,'jobTemplate':{'spec':{'template':{'spec':{"
                                + "'restartPolicy':'OnFailure','containers':[{'name':'job','image':'busybox'}]}}}}},"
                                + "'status':{'lastScheduleTime':'CREATED'}",
                        List.of("NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"),
                        List.of("nightly", "0 3 * * *", "<none>", "False", "0", "10d", "10d"),
                        List.of(
                                "NAME",
                                "SCHEDULE",
                                "TIMEZONE",
                                "SUSPEND",
                                "ACTIVE",
                                "LAST SCHEDULE",
                                "AGE",
                                "CONTAINERS",
                                "IMAGES",
                                "SELECTOR"),
                        List.of(
                                "nightly",
                                "0 3 * * *",
                                "<none>",
                                "False",
                                "0",
                                "10d",
                                "10d",
                                "job",
                                "busybox",
                                "<none>")),
                kind(
                        "services",
                        "v1/services",
                        "ns",
                        "web",
                        "'spec':{'type':'ClusterIP','clusterIP':'10.96.0.20','clusterIPs':['10.96.0.20'],'selector':{'app':'web'},"
                                + "'ports':[{'name':'http','port':80,'protocol':'TCP','targetPort':8080}]}",
                        List.of("NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"),
                        List.of("web", "ClusterIP", "10.96.0.20", "<none>", "80/TCP", "10d"),
                        List.of("NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE", "SELECTOR"),
                        List.of("web", "ClusterIP", "10.96.0.20", "<none>", "80/TCP", "10d", "app=web")),
                kind(
                        "endpoints",
                        "v1/endpoints",
                        "ns",
                        "web",
                        "'subsets':[{'addresses':[{'ip':'10.244.0.5'},{'ip':'10.244.0.6'}],'ports':[{'name':'http','port':8080,'protocol':'TCP'}]}]",
                        List.of("NAME", "ENDPOINTS", "AGE"),
                        List.of("web", "10.244.0.5:8080,10.244.0.6:8080", "10d"),
                        List.of("NAME", "ENDPOINTS", "AGE"),
                        List.of("web", "10.244.0.5:8080,10.244.0.6:8080", "10d")),
                kind(
                        "endpointslices",
                        "discovery.k8s.io/v1/endpointslices",
                        "ns",
                        "web-x7k2",
                        "'addressType':'IPv4','ports':[{'name':'http','port':8080,'protocol':'TCP'}],"
                                + "'endpoints':[{'addresses':['10.244.0.5']},{'addresses':['10.244.0.6']}]",
                        List.of("NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"),
                        List.of("web-x7k2", "IPv4", "8080", "10.244.0.5,10.244.0.6", "10d"),
                        List.of("NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"),
                        List.of("web-x7k2", "IPv4", "8080", "10.244.0.5,10.244.0.6", "10d")),
                kind(
                        "ingresses",
                        "networking.k8s.io/v1/ingresses",
                        "ns",
                        "web",
                        "'spec':{'ingressClassName':'nginx','tls':[{'hosts':['example.com']}],'rules':[{'host':'example.com'}]},"
                                + "'status':{'loadBalancer':{'ingress':[{'ip':'172.18.0.10'}]}}",
                        List.of("NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"),
                        List.of("web", "nginx", "example.com", "172.18.0.10", "80, 443", "10d"),
                        List.of("NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"),
                        List.of("web", "nginx", "example.com", "172.18.0.10", "80, 443", "10d")),
                kind(
                        "configmaps",
                        "v1/configmaps",
                        "ns",
                        "settings",
                        "'data':{'a':'1','b':'2'}",
                        List.of("NAME", "DATA", "AGE"),
                        List.of("settings", "2", "10d"),
                        List.of("NAME", "DATA", "AGE"),
                        List.of("settings", "2", "10d")),
                kind(
                        "secrets",
                        "v1/secrets",
                        "ns",
                        "creds",
                        "'type':'Opaque','data':{'user':'YQ==','password':'Yg=='}",
                        List.of("NAME", "TYPE", "DATA", "AGE"),
                        List.of("creds", "Opaque", "2", "10d"),
                        List.of("NAME", "TYPE", "DATA", "AGE"),
                        List.of("creds", "Opaque", "2", "10d")),
                kind(
                        "serviceaccounts",
                        "v1/serviceaccounts",
                        "ns",
                        "robot",
                        "",
                        List.of("NAME", "SECRETS", "AGE"),
                        List.of("robot", "0", "10d"),
                        List.of("NAME", "SECRETS", "AGE"),
                        List.of("robot", "0", "10d")),
                kind(
                        "namespaces",
                        "v1/namespaces",
                        null,
                        "team-a",
                        "'spec':{'finalizers':['kubernetes']},'status':{'phase':'Active'}",
                        List.of("NAME", "STATUS", "AGE"),
                        List.of("team-a", "Active", "10d"),
                        List.of("NAME", "STATUS", "AGE"),
                        List.of("team-a", "Active", "10d")),
                kind(
                        "nodes",
                        "v1/nodes",
                        null,
                        "node-1",
                        "'status':{'conditions':[{'type':'MemoryPressure','status':'False'},{'type':'Ready','status':'True'}],"
                                + "'addresses':[{'type':'InternalIP','address':'172.18.0.2'},{'type':'Hostname','address':'node-1'}],"
                                + "'nodeInfo':{'kubeletVersion':'v1.32.0','osImage':'Debian GNU/Linux 12 (bookworm)',"
                                + "'kernelVersion':'6.8.0-45-generic','containerRuntimeVersion':'containerd://1.7.18'}}",
                        List.of("NAME", "STATUS", "ROLES", "AGE", "VERSION"),
                        List.of("node-1", "Ready", "<none>", "10d", "v1.32.0"),
                        List.of(
                                "NAME",
                                "STATUS",
                                "ROLES",
                                "AGE",
                                "VERSION",
                                "INTERNAL-IP",
                                "EXTERNAL-IP",
                                "OS-IMAGE",
                                "KERNEL-VERSION",
                                "CONTAINER-RUNTIME"),
                        List.of(
                                "node-1",
                                "Ready",
                                "<none>",
                                "10d",
                                "v1.32.0",
                                "172.18.0.2",
                                "<none>",
                                "Debian GNU/Linux 12 (bookworm)",
                                "6.8.0-45-generic",
                                "containerd://1.7.18")),
                kind(
                        "persistentvolumes",
                        "v1/persistentvolumes",
                        null,
                        "pv-1",
                        "'spec':{'capacity':{'storage':'1Gi'},'accessModes':['ReadWriteOnce'],'persistentVolumeReclaimPolicy':'Delete',"
                                + "'storageClassName':'standard','volumeMode':'Filesystem','claimRef':{'namespace':'ns','name':'data'}},"
                                + "'status':{'phase':'Bound'}",
                        List.of(
                                "NAME",
                                "CAPACITY",
                                "ACCESS MODES",
                                "RECLAIM POLICY",
                                "STATUS",
                                "CLAIM",
                                "STORAGECLASS",
                                "VOLUMEATTRIBUTESCLASS",
                                "REASON",
                                "AGE"),
                        List.of("pv-1", "1Gi", "RWO", "Delete", "Bound", "ns/data", "standard", "<unset>", "", "10d"),
                        List.of(
                                "NAME",
                                "CAPACITY",
                                "ACCESS MODES",
                                "RECLAIM POLICY",
                                "STATUS",
                                "CLAIM",
                                "STORAGECLASS",
                                "VOLUMEATTRIBUTESCLASS",
                                "REASON",
                                "AGE",
                                "VOLUMEMODE"),
                        List.of(
                                "pv-1",
                                "1Gi",
                                "RWO",
                                "Delete",
                                "Bound",
                                "ns/data",
                                "standard",
                                "<unset>",
                                "",
                                "10d",
                                "Filesystem")),
                kind(
                        "persistentvolumeclaims",
                        "v1/persistentvolumeclaims",
                        "ns",
                        "data",
                        "'spec':{'accessModes':['ReadWriteOnce'],'resources':{'requests':{'storage':'1Gi'}},'storageClassName':'standard',"
                                + "'volumeMode':'Filesystem','volumeName':'pv-1'},"
                                + "'status':{'phase':'Bound','accessModes':['ReadWriteOnce'],'capacity':{'storage':'1Gi'}}",
                        List.of(
                                "NAME",
                                "STATUS",
                                "VOLUME",
                                "CAPACITY",
                                "ACCESS MODES",
                                "STORAGECLASS",
                                "VOLUMEATTRIBUTESCLASS",
                                "AGE"),
                        List.of("data", "Bound", "pv-1", "1Gi", "RWO", "standard", "<unset>", "10d"),
                        List.of(
                                "NAME",
                                "STATUS",
                                "VOLUME",
                                "CAPACITY",
                                "ACCESS MODES",
                                "STORAGECLASS",
                                "VOLUMEATTRIBUTESCLASS",
                                "AGE",
                                "VOLUMEMODE"),
                        List.of("data", "Bound", "pv-1", "1Gi", "RWO", "standard", "<unset>", "10d", "Filesystem")),
                kind(
                        "events",
                        "v1/events",
                        "ns",
                        "web.17a2b3c4d5e6f708",
                        "'involvedObject':{'kind':'Pod','namespace':'ns','name':'web','fieldPath':'spec.containers{web}'},"
                                + "'reason':'BackOff','message':'Back-off restarting failed container web','type':'Warning',"
                                + "'source':{'component':'kubelet','host':'node-1'},'count':4,"
                                + "'firstTimestamp':'CREATED','lastTimestamp':'CREATED'",
                        List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"),
                        List.of("10d", "Warning", "BackOff", "pod/web", "Back-off restarting failed container web"),
                        List.of(
                                "LAST SEEN",
                                "TYPE",
                                "REASON",
                                "OBJECT",
                                "SUBOBJECT",
                                "SOURCE",
                                "MESSAGE",
                                "FIRST SEEN",
                                "COUNT",
                                "NAME"),
                        List.of(
                                "10d",
                                "Warning",
                                "BackOff",
                                "pod/web",
                                "spec.containers{web}",
                                "kubelet, node-1",
                                "Back-off restarting failed container web",
                                "10d",
                                "4",
                                "web.17a2b3c4d5e6f708")),
                kind(
                        "events.events.k8s.io",
                        "events.k8s.io/v1/events",
                        "ns",
                        "web.27a2b3c4d5e6f709",
                        "'regarding':{'kind':'Pod','namespace':'ns','name':'web','fieldPath':'spec.containers{web}'},"
                                + "'reason':'Pulled','note':'Container image already present','type':'Normal','action':'Pulling',"
                                + "'reportingController':'kubelet','reportingInstance':'node-1','eventTime':'CREATED'",
                        List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"),
                        List.of("10d", "Normal", "Pulled", "pod/web", "Container image already present"),
                        List.of(
                                "LAST SEEN",
                                "TYPE",
                                "REASON",
                                "OBJECT",
                                "SUBOBJECT",
                                "SOURCE",
                                "MESSAGE",
                                "FIRST SEEN",
                                "COUNT",
                                "NAME"),
                        List.of(
                                "10d",
                                "Normal",
                                "Pulled",
                                "pod/web",
                                "spec.containers{web}",
                                "kubelet, node-1",
                                "Container image already present",
                                "10d",
                                "1",
                                "web.27a2b3c4d5e6f709")),
                kind(
                        "roles",
                        "rbac.authorization.k8s.io/v1/roles",
                        "ns",
                        "reader",
                        "'rules':[{'apiGroups':[''],'resources':['pods'],'verbs':['get','list']}]",
                        List.of("NAME", "CREATED AT"),
                        List.of("reader", CREATED),
                        List.of("NAME", "CREATED AT"),
                        List.of("reader", CREATED)),
                kind(
                        "rolebindings",
                        "rbac.authorization.k8s.io/v1/rolebindings",
                        "ns",
                        "readers",
                        "'roleRef':{'apiGroup':'rbac.authorization.k8s.io','kind':'Role','name':'reader'},'subjects':["
                                + "{'kind':'User','name':'jane'},{'kind':'Group','name':'devs'},"
                                + "{'kind':'ServiceAccount','name':'robot','namespace':'ns'}]",
                        List.of("NAME", "ROLE", "AGE"),
                        List.of("readers", "Role/reader", "10d"),
                        List.of("NAME", "ROLE", "AGE", "USERS", "GROUPS", "SERVICEACCOUNTS"),
                        List.of("readers", "Role/reader", "10d", "jane", "devs", "ns/robot")),
                kind(
                        "clusterroles",
                        "rbac.authorization.k8s.io/v1/clusterroles",
                        null,
                        "viewer",
                        "'rules':[{'apiGroups':['*'],'resources':['*'],'verbs':['get']}]",
                        List.of("NAME", "CREATED AT"),
                        List.of("viewer", CREATED),
                        List.of("NAME", "CREATED AT"),
                        List.of("viewer", CREATED)),
                kind(
                        "clusterrolebindings",
                        "rbac.authorization.k8s.io/v1/clusterrolebindings",
                        null,
                        "viewers",
                        "'roleRef':{'apiGroup':'rbac.authorization.k8s.io','kind':'ClusterRole','name':'viewer'},'subjects':["
                                + "{'kind':'Group','name':'system:authenticated','apiGroup':'rbac.authorization.k8s.io'}]",
                        List.of("NAME", "ROLE", "AGE"),
                        List.of("viewers", "ClusterRole/viewer", "10d"),
                        List.of("NAME", "ROLE", "AGE", "USERS", "GROUPS", "SERVICEACCOUNTS"),
                        List.of("viewers", "ClusterRole/viewer", "10d", "", "system:authenticated", "")),
                kind(
                        "customresourcedefinitions",
                        "apiextensions.k8s.io/v1/customresourcedefinitions",
                        null,
                        "widgets.example.com",
                        "'spec':{'group':'example.com','scope':'Namespaced','names':{'plural':'widgets','singular':'widget',"
                                + "'kind':'Widget','listKind':'WidgetList'},'versions':[{'name':'v1','served':true,'storage':true,"
                                + "'schema':{'openAPIV3Schema':{'type':'object','x-kubernetes-preserve-unknown-fields':true}}}]}",
                        List.of("NAME", "CREATED AT"),
                        List.of("widgets.example.com", CREATED),
                        List.of("NAME", "CREATED AT"),
                        List.of("widgets.example.com", CREATED)));
    }

    private static String plus(long seconds) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.parse(CREATED).plusSeconds(seconds));
    }
}
