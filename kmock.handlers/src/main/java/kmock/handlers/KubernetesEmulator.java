package kmock.handlers;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import kmock.api.Request;
import kmock.api.Resource;
import kmock.api.Response;
import kmock.internal.k8s.controllers.ControlLoop;
import kmock.internal.k8s.controllers.VirtualClock;
import kmock.internal.k8s.discovery.ResourceSource;
import kmock.internal.k8s.emulator.ObjectRoutes;
import kmock.internal.k8s.requests.KubernetesPath;
import kmock.internal.k8s.status.KubernetesException;
import kmock.internal.k8s.status.StatusReplies;
import kmock.internal.k8s.store.GenerationRule;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.ObjectStore;
import kmock.internal.k8s.store.StoreSettings;
import kmock.internal.k8s.watch.Watches;

/**
 * A stateful Kubernetes API in memory: the scaffold's discovery plus objects at the usual URLs, with list, watch,
 * get, create, replace, patch and delete, managed metadata, selectors, optimistic concurrency, finalizers and the
 * status and scale subresources. Generic API machinery only, never kind-specific behaviour. User rules come
 * first; {@link #objects()} is the live store.
 *
 * @since 0.1
 */
public class KubernetesEmulator extends KubernetesScaffold {

    private static final Resource SERVICE_ACCOUNTS = new Resource("", "v1", "serviceaccounts");

    private final ObjectStore store;
    private final ObjectsArray objects;
    private final Watches watches;
    private final ObjectRoutes routes;
    private final VirtualClock clock;
    private final ControlLoop controllers;

    /** An emulator with managed metadata and no resources: {@code resources().loadBundled()} adds the built-in ones. */
    public KubernetesEmulator() {
        this(new Builder<>());
    }

    /** An emulator with a builder's options. */
    protected KubernetesEmulator(Builder<?> builder) {
        super(builder);
        if (!builder.controllers.isEmpty() && !builder.managedMetadata) {
            throw new IllegalArgumentException(
                    "Controllers need managed metadata (uids, generations, owner references): "
                            + "build the emulator with managedMetadata(true), or without controllers");
        }
        this.clock = new VirtualClock(builder.clock);
        this.store = new ObjectStore(StoreSettings.defaults()
                .withManagedMetadata(builder.managedMetadata)
                .withWindowSize(builder.eventWindow)
                .withKinds(resource -> kindOf(resource))
                .withGenerations(this::generationsOf)
                .withClock(clock));
        this.objects = new ObjectsArray(store, resources(), this::define, this::currentResources);
        this.watches = new Watches(store, builder.watchBuffer, builder.bookmarkInterval, System::nanoTime);
        this.routes = new ObjectRoutes(store, watches, resources(), this::currentResources, builder.managedMetadata);
        serveAlso(new StoredResources(store));
        if (builder.controllers.isEmpty()) {
            this.controllers = null;
        } else {
            // The controllers write pods, nodes, ReplicaSets and the rest: their resources are served from the start.
            resources().loadBundled();
            if (builder.controllers.enabled("namespace")) {
                routes.deletes().leaveNamespacesToController();
            }
            this.controllers = new ControlLoop(
                    store,
                    routes.writes(),
                    routes.deletes(),
                    this::currentResources,
                    builder.controllers,
                    clock,
                    this::recordError);
        }
    }

    /** A builder: {@code KubernetesEmulator.builder().managedMetadata(false).build()}. */
    public static Builder<?> builder() {
        return new Builder<>();
    }

    /**
     * Runs the simulated controllers (see {@link Builder#controllers(Controllers)}) until nothing is left for them to
     * do at the emulator's current time, and returns: a test then asserts the end state of a rollout, a Job or a
     * deletion without waiting. Transitions with a delay still to come stay pending ({@link #advance(Duration)} moves
     * to them). Without controllers it returns at once.
     *
     * @throws IllegalStateException when the controllers never stop changing things (say, two selecting the same pods)
     */
    public void settle() {
        if (controllers != null) {
            controllers.settle();
        }
    }

    /**
     * Moves the emulator's clock forward and runs the controllers at every moment on the way when a transition comes
     * due (a delayed start, a crash-loop back-off, a CronJob's schedule), ending settled at the new time.
     */
    public void advance(Duration duration) {
        if (controllers != null) {
            controllers.advance(duration);
        } else {
            clock.advance(duration);
        }
    }

    /** The emulator's clock: the builder's (the system's by default), moved forward by {@link #advance(Duration)}. */
    public Clock clock() {
        return clock;
    }

    /** The live objects, with their histories. */
    public ObjectsArray objects() {
        return objects;
    }

    @Override
    Map<String, Object> definition(Resource resource) {
        return routes.definition(resource);
    }

    @Override
    Map<String, Object> serviceAccount(String namespace, String name) {
        return store.find(new ObjectKey(SERVICE_ACCOUNTS, namespace, name));
    }

    /** A CustomResourceDefinition stored by {@code objects().load(…)} defines its resources as an API create does. */
    private void define(Map<String, Object> crd) {
        routes.define(crd);
    }

    private String kindOf(Resource resource) {
        ResourceInfo info = currentResources().get(resource);
        return info == null ? new ResourceInfo().kindFor(resource.plural()) : info.kindFor(resource.plural());
    }

    /** How a resource's objects count generations: as its kind's strategy says, once the routes exist. */
    private GenerationRule generationsOf(Resource resource) {
        return routes == null ? GenerationRule.UNDECLARED : routes.generations(resource);
    }

    /**
     * The resources of stored objects, discoverable besides the catalog's; the store never forgets one. Objects
     * stored while their resource's kind was unknown (and so guessed from the plural) get the kind the catalog
     * now knows.
     */
    private record StoredResources(ObjectStore store) implements ResourceSource {
        @Override
        public void addTo(Map<Resource, ResourceInfo> known) {
            for (Resource resource : store.resources()) {
                ResourceInfo info = known.putIfAbsent(resource, new ResourceInfo());
                String kind = info == null ? null : info.kind();
                String guessed = new ResourceInfo().kindFor(resource.plural());
                if (kind != null && !kind.equals(guessed)) {
                    store.retype(resource, guessed, kind);
                }
            }
        }

        @Override
        public long revision() {
            return store.resources().size();
        }
    }

    /** Discovery is quick; objects (lists, watches, writes) are served on threads that may block. */
    @Override
    boolean builtInMayBlock(Request request) {
        return getClass() != KubernetesEmulator.class || !isQuickRead(request);
    }

    @Override
    protected Response serve(Request request) throws Exception {
        Response discovery = super.serve(request);
        if (discovery != null) {
            return discovery;
        }
        if (request.resource() == null || !currentResources().containsKey(request.resource()) && !isCreate(request)) {
            return null;
        }
        try {
            return routes.serve(request);
        } catch (KubernetesException refusal) {
            if (refusal.reason() == KubernetesException.Reason.INTERNAL_ERROR) {
                throw refusal;
            }
            // A refusal (400, 404, 409, 410, 415, 422, the reasonless 500 of a broken patch) is the API's answer to the
            // client, not a failure of the server: it stays out of errors(), so that a strict emulator tolerates tests
            // of conflicts and the like.
            return StatusReplies.status(refusal);
        }
    }

    /**
     * A create at a collection URL: as in the original, it makes an undeclared resource known (kind and singular
     * defaulted from the plural); other requests for a resource nothing made known are 404 "resource not known".
     */
    private static boolean isCreate(Request request) {
        KubernetesPath path = KubernetesPath.parse(request.path());
        return request.method().equals("POST")
                && path.name() == null
                && path.resource().isComplete();
    }

    /** Ends open watches, then applies the strict check of {@link RawHandler#close()}. */
    @Override
    public void close() {
        if (controllers != null) {
            controllers.close();
        }
        watches.close();
        super.close();
    }

    /**
     * Options of an emulator.
     *
     * @param <B> the builder's own type
     */
    public static class Builder<B extends Builder<B>> extends KubernetesScaffold.Builder<B> {
        private boolean managedMetadata = true;
        private int eventWindow = StoreSettings.DEFAULT_WINDOW;
        private int watchBuffer = Watches.DEFAULT_BUFFER;
        private Duration bookmarkInterval = Watches.DEFAULT_BOOKMARK_PERIOD;
        private Controllers controllers = Controllers.none();
        private Clock clock = Clock.systemUTC();

        /** For subclasses' builders. */
        protected Builder() {}

        /**
         * Whether writes get managed metadata (uid, resourceVersion, timestamps, generation); {@code false} stores
         * objects exactly as given, as the Python original does.
         */
        public B managedMetadata(boolean managedMetadata) {
            this.managedMetadata = managedMetadata;
            return self();
        }

        /**
         * How many recent changes are kept (default {@value StoreSettings#DEFAULT_WINDOW}): a watch or a {@code continue}
         * token from an older {@code resourceVersion} gets {@code 410 Gone}, as from a real API server whose etcd
         * compacted. A small window lets a test reach that path.
         */
        public B eventWindow(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("The event window must keep at least 1 event, not " + events);
            }
            this.eventWindow = events;
            return self();
        }

        /**
         * How many unread events one watch may hold (default {@value Watches#DEFAULT_BUFFER}) before it is ended with
         * a {@code 410} ERROR event: a client that stops reading loses its watch and never slows the writers.
         */
        public B watchBuffer(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("A watch buffer must hold at least 1 event, not " + events);
            }
            this.watchBuffer = events;
            return self();
        }

        /** How often an idle watch that allows bookmarks gets a {@code BOOKMARK} event (default one minute). */
        public B bookmarkInterval(Duration interval) {
            if (interval == null || interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("The bookmark interval must be positive, not " + interval);
            }
            this.bookmarkInterval = interval;
            return self();
        }

        /**
         * Simulated controllers and nodes, so that the emulator moves like a cluster: Deployments roll out, pods run,
         * Jobs complete, namespaces and owners clean up. Off by default: the emulator is a bare API server.
         */
        public B controllers(Controllers controllers) {
            this.controllers = Objects.requireNonNull(controllers, "controllers");
            return self();
        }

        /**
         * Some simulated controllers by name ({@link Controllers#NAMES}, {@code *}, {@code -name}); none named means
         * all of them, with the defaults of {@link Controllers#all()}.
         */
        public B controllers(String... names) {
            return controllers(Controllers.of(names));
        }

        /**
         * The emulator's clock, for timestamps and the controllers' transitions (default: the system's UTC clock);
         * {@code Clock.fixed(…)} with {@link KubernetesEmulator#advance(Duration)} makes every timestamp reproducible.
         */
        public B clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return self();
        }

        @Override
        public KubernetesEmulator build() {
            return new KubernetesEmulator(this);
        }
    }
}
