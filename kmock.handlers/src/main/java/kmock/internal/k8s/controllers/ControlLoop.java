package kmock.internal.k8s.controllers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import kmock.api.Resource;
import kmock.handlers.Controllers;
import kmock.handlers.ResourceInfo;
import kmock.internal.k8s.controllers.lifecycle.GarbageCollector;
import kmock.internal.k8s.controllers.lifecycle.NamespaceController;
import kmock.internal.k8s.controllers.lifecycle.RootCaPublisher;
import kmock.internal.k8s.controllers.lifecycle.ServiceAccountController;
import kmock.internal.k8s.controllers.lifecycle.SystemNamespaces;
import kmock.internal.k8s.controllers.network.EndpointSliceController;
import kmock.internal.k8s.controllers.network.EndpointsController;
import kmock.internal.k8s.controllers.nodes.Kubelet;
import kmock.internal.k8s.controllers.nodes.Scheduler;
import kmock.internal.k8s.controllers.workloads.CronJobController;
import kmock.internal.k8s.controllers.workloads.DaemonSetController;
import kmock.internal.k8s.controllers.workloads.DeploymentController;
import kmock.internal.k8s.controllers.workloads.JobController;
import kmock.internal.k8s.controllers.workloads.ReplicaSetController;
import kmock.internal.k8s.controllers.workloads.StatefulSetController;
import kmock.internal.k8s.emulator.ObjectDeletes;
import kmock.internal.k8s.emulator.ObjectWrites;
import kmock.internal.k8s.store.ObjectKey;
import kmock.internal.k8s.store.ObjectStore;
import kmock.internal.k8s.store.StoreEvent;
import kmock.internal.k8s.store.Subscription;

/**
 * The emulator's simulated cluster: the controllers the user switched on, fed by the store's changes through one
 * work queue, and run one reconcile at a time — by a background thread as changes arrive, or by {@link #settle()}
 * and {@link #advance(Duration)} on the caller's thread. With one queue, one turn and the emulator's clock, the same
 * changes always lead to the same steps in the same order.
 */
public final class ControlLoop implements AutoCloseable {

    /** The most reconciles one settle runs before it decides that the controllers fight and gives up. */
    static final int SETTLE_LIMIT = 100_000;

    private final List<Controller> controllers = new ArrayList<>();
    private final WorkQueue queue = new WorkQueue();
    private final ReentrantLock turn = new ReentrantLock();
    private final VirtualClock clock;
    private final ClusterClient cluster;
    private final Consumer<Throwable> errors;
    private final Subscription subscription;
    private final Thread worker;
    private final Deque<Work> recent = new ArrayDeque<>();
    private volatile boolean closed;

    /**
     * Starts the controllers of the options: registers nodes and system namespaces, then (with a background thread)
     * reacts to every change.
     *
     * @param known  every served resource with its description
     * @param errors where failures of the controllers themselves go (the emulator's {@code errors()})
     */
    public ControlLoop(
            ObjectStore store,
            ObjectWrites writes,
            ObjectDeletes deletes,
            Supplier<Map<Resource, ResourceInfo>> known,
            Controllers settings,
            VirtualClock clock,
            Consumer<Throwable> errors) {
        this.clock = clock;
        this.errors = errors;
        this.cluster = new ClusterClient(store, writes, deletes, known, clock, queue, settings);
        for (String name : settings.enabled()) {
            controllers.add(create(name, cluster));
        }
        this.subscription = store.subscribeFromNow(this::observe);
        turn.lock();
        try {
            SystemNamespaces.create(cluster);
            for (Controller controller : controllers) {
                run(controller::start);
                if (controller.primary() != null) {
                    queue.add(new Work(controller, new ObjectKey(controller.primary(), null, Work.SWEEP)));
                }
            }
            drain();
        } finally {
            turn.unlock();
        }
        if (settings.background()) {
            worker = new Thread(this::work, "kmock-controllers");
            worker.setDaemon(true);
            worker.start();
        } else {
            worker = null;
        }
    }

    private static Controller create(String name, ClusterClient cluster) {
        return switch (name) {
            case "kubelet" -> new Kubelet(cluster);
            case "scheduler" -> new Scheduler(cluster);
            case "deployment" -> new DeploymentController(cluster);
            case "replicaset" -> new ReplicaSetController(cluster);
            case "statefulset" -> new StatefulSetController(cluster);
            case "daemonset" -> new DaemonSetController(cluster);
            case "job" -> new JobController(cluster);
            case "cronjob" -> new CronJobController(cluster);
            case "namespace" -> new NamespaceController(cluster);
            case "garbagecollector" -> new GarbageCollector(cluster);
            case "endpointslice" -> new EndpointSliceController(cluster);
            case "endpoint" -> new EndpointsController(cluster);
            case "serviceaccount" -> new ServiceAccountController(cluster);
            case "root-ca-cert-publisher" -> new RootCaPublisher(cluster);
            default -> throw new IllegalArgumentException("No controller named " + name);
        };
    }

    /** Runs the controllers until nothing is left to do at the emulator's current time. */
    public void settle() {
        turn.lock();
        try {
            drain();
        } finally {
            turn.unlock();
        }
    }

    /**
     * Moves the emulator's clock forward, stopping at every transition that comes due on the way to run the
     * controllers there, as if that time had passed; ends settled at the new time.
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Time only moves forward; cannot advance by " + duration);
        }
        turn.lock();
        try {
            Instant target = clock.instant().plus(duration);
            drain();
            for (Instant next = queue.nextTimer(); next != null && !next.isAfter(target); next = queue.nextTimer()) {
                clock.advanceTo(next);
                drain();
            }
            clock.advanceTo(target);
            drain();
        } finally {
            turn.unlock();
        }
        queue.wake();
    }

    /** Stops the background thread (waiting for its current reconcile) and the subscription. */
    @Override
    public void close() {
        closed = true;
        subscription.close();
        queue.close();
        if (worker != null && worker != Thread.currentThread()) {
            worker.interrupt();
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void observe(StoreEvent event) {
        for (Controller controller : controllers) {
            try {
                controller.observe(event, keysOf(controller));
            } catch (RuntimeException e) {
                errors.accept(e);
            }
        }
    }

    private Controller.Keys keysOf(Controller controller) {
        return new Controller.Keys() {
            @Override
            public void add(ObjectKey key) {
                queue.add(new Work(controller, key));
            }

            @Override
            public void sweep(String namespace) {
                queue.add(new Work(controller, new ObjectKey(controller.primary(), namespace, Work.SWEEP)));
            }

            @Override
            public Resource resource() {
                return controller.primary();
            }
        };
    }

    /** The background thread: waits for work or a timer, then takes its turn. */
    private void work() {
        try {
            while (!closed) {
                long seen = queue.version();
                boolean did;
                turn.lock();
                try {
                    did = step();
                } finally {
                    turn.unlock();
                }
                if (!did && !queue.await(seen, untilNextTimer())) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long the worker may wait for the next timer; a bounded wait also notices a base clock a test moves. */
    private Duration untilNextTimer() {
        Instant next = queue.nextTimer();
        Duration max = Duration.ofSeconds(1);
        if (next == null) {
            return Duration.ofMinutes(1);
        }
        Duration wait = Duration.between(clock.instant(), next);
        return wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait.compareTo(max) > 0 ? max : wait;
    }

    /** Runs due work until none is left; the caller holds the turn. */
    private void drain() {
        int rounds = 0;
        while (step()) {
            if (++rounds > SETTLE_LIMIT) {
                throw new IllegalStateException(
                        "The controllers did not settle after " + SETTLE_LIMIT + " reconciles ("
                                + queue.describe() + "); the last ones were " + recent
                                + ": something keeps changing what a controller owns, such as two controllers selecting the same pods");
            }
        }
    }

    /** Runs one due work item; {@code false} when none was due. */
    private boolean step() {
        Work work = queue.poll(clock.instant());
        if (work == null) {
            return false;
        }
        remember(work);
        if (work.sweep()) {
            run(() -> sweep(work));
        } else {
            run(() -> work.controller().reconcile(work.key()));
        }
        return true;
    }

    /** A sweep becomes one work item per object of the controller's resource in the namespace. */
    private void sweep(Work work) {
        Resource resource = work.controller().primary();
        for (Map<String, Object> object : cluster.list(resource, work.key().namespace())) {
            queue.add(new Work(work.controller(), new ObjectKey(resource, Tree.namespace(object), Tree.name(object))));
        }
    }

    private void remember(Work work) {
        recent.addLast(work);
        if (recent.size() > 5) {
            recent.removeFirst();
        }
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            errors.accept(e);
        }
    }
}
