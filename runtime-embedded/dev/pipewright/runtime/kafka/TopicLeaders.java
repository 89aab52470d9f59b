package dev.pipewright.runtime.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Waits until every partition of some topics is served by its leader, so records sent next are
 * written in the order they were sent.
 *
 * <p>Creating a topic returns once the controller has recorded it, a moment before the leader
 * broker has applied it. On Kafka up to 4.4 an idempotent producer with several requests in
 * flight whose first request lands in that moment loses that request's records: the broker
 * refuses it (not the leader yet), accepts the next request, then refuses every retry of the first
 * as out of sequence until the delivery timeout (KAFKA-15591, fixed in the 4.5 broker;
 * docs/decisions/0137). A list-offsets request answered on every partition shows that the leader
 * has applied the topic: it fails on the same check as a produce request, and the Admin client
 * asks again until it passes.
 */
public final class TopicLeaders {
  private TopicLeaders() {}

  /**
   * Returns once every partition of {@code topics} answers on its leader.
   *
   * @throws ExecutionException when a topic still does not exist at the deadline, or the cluster
   *     refuses the request (the cause says which)
   * @throws TimeoutException when some partition has no serving leader within {@code max}
   * @throws IllegalArgumentException when {@code max} is not between 1 ms and a day
   */
  public static void await(Admin admin, Collection<String> topics, Duration max)
      throws ExecutionException, InterruptedException, TimeoutException {
    if (max.toMillis() < 1 || max.compareTo(Duration.ofDays(1)) > 0) {
      // the Admin client takes its deadlines in int milliseconds
      throw new IllegalArgumentException("a wait for topic leaders must be between 1 ms and a day, not " + max);
    }
    if (topics.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + max.toNanos();
    try {
      Map<String, TopicDescription> described = describe(admin, topics, deadline);
      Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
      for (TopicDescription d : described.values()) {
        for (TopicPartitionInfo p : d.partitions()) {
          partitions.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
        }
      }
      admin.listOffsets(partitions, new ListOffsetsOptions().timeoutMs(millisLeft(deadline))).all()
          .get(millisLeft(deadline), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        // the Admin client's own deadline: the same thing as ours, said one way
        throw unanswered(topics, max, e.getCause());
      }
      throw e;
    } catch (TimeoutException e) {
      throw unanswered(topics, max, e);
    }
  }

  /**
   * The topics' descriptions, asked again while the broker answering does not know a topic yet:
   * it learns of a new topic a moment after the controller (a truly missing topic ends the wait
   * with that answer at the deadline).
   */
  private static Map<String, TopicDescription> describe(Admin admin, Collection<String> topics, long deadline)
      throws ExecutionException, InterruptedException, TimeoutException {
    long pauseMs = 10;
    ExecutionException unknown = null;
    while (true) {
      try {
        return admin.describeTopics(topics, new DescribeTopicsOptions().timeoutMs(millisLeft(deadline)))
            .allTopicNames().get(millisLeft(deadline), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        boolean timedOut = e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException;
        if (timedOut && unknown != null) {
          // the last answer the cluster gave is the truth to report, not the time that ran out
          throw unknown;
        }
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
        unknown = e;
      } catch (TimeoutException e) {
        if (unknown != null) {
          throw unknown;
        }
        throw e;
      }
      // leave the last ask at least half of what is left, so a slow answer is not cut short
      long sleep = Math.min(pauseMs, millisLeft(deadline) / 2);
      if (sleep < 1) {
        throw unknown;
      }
      Thread.sleep(sleep);
      pauseMs = Math.min(pauseMs * 2, 500);
    }
  }

  private static TimeoutException unanswered(Collection<String> topics, Duration max, Throwable last) {
    TimeoutException t = new TimeoutException("the leaders of " + String.join(", ", topics) + " did not answer within "
        + max.toMillis() + " ms");
    t.initCause(last);
    return t;
  }

  private static int millisLeft(long deadlineNanos) {
    return (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
  }
}
