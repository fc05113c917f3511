package dev.cuprum.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Follows heap use from its creation until {@link #close()} through GC notifications. Used heap
 * only drops in a collection, so its peak is the largest "before" figure of any collection, or
 * the use at the end if that is larger. The largest "after" figure is what was still reachable:
 * the retained peak.
 */
final class HeapWatch implements NotificationListener, AutoCloseable {

  private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP)
      .toList();
  private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
  private final long baseline;
  private final long collectionsAtStart;
  private long collections;
  private long peakUsed;
  private long peakRetained;

  HeapWatch() {
    System.gc();
    baseline = used();
    collectionsAtStart = collectionCount();
    peakUsed = baseline;
    peakRetained = baseline;
    for (GarbageCollectorMXBean collector : collectors) {
      ((NotificationEmitter) collector).addNotificationListener(this, null, null);
    }
  }

  @Override
  public synchronized void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
    peakUsed = Math.max(peakUsed, heapSum(info.getMemoryUsageBeforeGc()));
    peakRetained = Math.max(peakRetained, heapSum(info.getMemoryUsageAfterGc()));
    collections++;
  }

  /** Heap in use after a full collection when the watch started. */
  long baseline() {
    return baseline;
  }

  synchronized long peakUsed() {
    return Math.max(peakUsed, used());
  }

  synchronized long peakRetained() {
    return peakRetained;
  }

  synchronized long collections() {
    return collections;
  }

  /**
   * Waits (at most 5 s) until every collection so far has been notified, then stops listening.
   *
   * @throws IllegalStateException when some notifications never arrived, so the peaks are unsure
   */
  @Override
  public void close() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    boolean complete;
    while (!(complete = collections() >= collectionCount() - collectionsAtStart) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    for (GarbageCollectorMXBean collector : collectors) {
      try {
        ((NotificationEmitter) collector).removeNotificationListener(this);
      } catch (ListenerNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    if (!complete) {
      throw new IllegalStateException("Only " + collections() + " of " + (collectionCount() - collectionsAtStart)
          + " collections were notified; the heap peaks would be unsure");
    }
  }

  private long heapSum(Map<String, MemoryUsage> usage) {
    long sum = 0;
    for (MemoryPoolMXBean pool : pools) {
      MemoryUsage poolUsage = usage.get(pool.getName());
      if (poolUsage != null) {
        sum += poolUsage.getUsed();
      }
    }
    return sum;
  }

  private long used() {
    return pools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
  }

  private long collectionCount() {
    return collectors.stream().mapToLong(collector -> Math.max(0, collector.getCollectionCount())).sum();
  }
}
