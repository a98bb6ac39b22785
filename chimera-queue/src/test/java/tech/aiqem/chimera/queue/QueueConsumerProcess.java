package tech.aiqem.chimera.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import tech.aiqem.chimera.infra.redis.Redis;

/**
 * A consumer in a process of its own: pops one message, keeps heartbeating, prints what it holds and
 * then waits to be killed without acknowledging it. Started by the integration tests.
 */
public final class QueueConsumerProcess {

	private QueueConsumerProcess() {
	}

	public static void main(String[] args) throws Exception {
		String redisUrl = args[0];
		String consumerId = args[1];
		List<String> queues = List.of(args[2].split(","));
		try (Redis redis = new Redis(redisUrl)) {
			ReliableQueue queue = new ReliableQueue(redis, consumerId, Duration.ofSeconds(2), Clock.systemUTC());
			queue.heartbeat();
			try (ReliableQueue.Consumer consumer = queue.consumer()) {
				Delivery delivery = consumer.popByPriority(queues, Duration.ofSeconds(30));
				System.out.println("HOLDING " + (delivery == null ? "nothing" : delivery.payload()));
				System.out.flush();
				while (true) {
					queue.heartbeat();
					Thread.sleep(200);
				}
			}
		}
	}
}
