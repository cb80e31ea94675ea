package org.iys.web.rest.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.jcache.Bucket4jJCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import org.eclipse.microprofile.config.ConfigProvider;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.web.rest.problem.RateLimited;

/**
 * Per-client request allowances, answered with 429 and the reference's codes once spent: requests
 * per second per API user on the business API (H124), token requests per hour per client address
 * and account (H084), status and history queries per hour per API user (H086, H089). Each refusal
 * carries the seconds until its bucket has a token again, for the answer's {@code Retry-After}.
 *
 * <p>The buckets are Bucket4j buckets kept in Payara's JCache, which is Hazelcast: when the
 * instances form a Payara cluster (Data Grid), every instance updates the same bucket through an
 * entry processor that runs on the member owning the key, so an allowance holds for the whole
 * cluster, not per instance. Started with {@code --nocluster} (as the tests and the one-command run
 * are), Hazelcast holds the cache inside this one instance, which is then the whole deployment. If
 * the server offers no JCache at all, the buckets fall back to this JVM's memory and a warning says
 * that limits are then per instance.
 *
 * <p>The per-second allowance is asked on every business request, and a round trip to the shared
 * bucket (an entry processor that deserialises, updates and serialises the bucket) cost about as
 * much as recording a consent. So each instance takes that allowance from the shared bucket in
 * small reserves ({@link Reserve}) and spends them locally. The limit still holds across instances,
 * because every request spends a token that was really taken from the shared bucket; the price is
 * that a reserve an instance took but did not spend is lost to the others, so with several
 * instances a client may be refused up to one reserve per instance early. A reserve is thrown away
 * after {@link #RESERVE_LIFETIME}, so tokens taken in one second are not saved up for a later
 * burst. The hourly allowances are asked rarely and stay exact, one shared round trip each.
 *
 * <p>Configuration (MicroProfile Config, so also {@code IYS_RATELIMIT_...} environment variables):
 * {@code iys.ratelimit.requests-per-second} (default 100), {@code
 * iys.ratelimit.token-requests-per-hour} (100), {@code iys.ratelimit.status-queries-per-hour}
 * (1000), {@code iys.ratelimit.history-queries-per-hour} (100).
 */
@ApplicationScoped
public class RateLimits {

  private static final System.Logger LOG = System.getLogger(RateLimits.class.getName());

  private static final String CACHE = "iys-rate-limits";

  /** Tokens taken from the shared bucket at once: a twentieth of a second's allowance, bounded. */
  static final long MOST_RESERVED = 200;

  static final long RESERVE_LIFETIME_NANOS = 50_000_000L;

  private static final int MOST_RESERVES = 100_000;

  private final ConcurrentHashMap<String, Reserve> reserves = new ConcurrentHashMap<>();

  private long reserveSize;

  // Payara's own cache manager, backed by its Hazelcast member. The default JCache lookup
  // (Caching.getCachingProvider()) must not be used: it finds Hazelcast's client provider, which
  // waits forever for a cluster to connect to.
  @Inject private Instance<CacheManager> cacheManager;

  private ProxyManager<String> shared;

  private final ConcurrentHashMap<String, Bucket> local = new ConcurrentHashMap<>();

  private BucketConfiguration perSecond;
  private BucketConfiguration tokensPerHour;
  private BucketConfiguration statusPerHour;
  private BucketConfiguration historyPerHour;

  @PostConstruct
  void configure() {
    var config = ConfigProvider.getConfig();
    long requestsPerSecond =
        config.getOptionalValue("iys.ratelimit.requests-per-second", Long.class).orElse(100L);
    perSecond = allowance(requestsPerSecond, Duration.ofSeconds(1));
    reserveSize = Math.max(1, Math.min(MOST_RESERVED, requestsPerSecond / 20));
    tokensPerHour =
        allowance(
            config
                .getOptionalValue("iys.ratelimit.token-requests-per-hour", Long.class)
                .orElse(100L),
            Duration.ofHours(1));
    statusPerHour =
        allowance(
            config
                .getOptionalValue("iys.ratelimit.status-queries-per-hour", Long.class)
                .orElse(1000L),
            Duration.ofHours(1));
    historyPerHour =
        allowance(
            config
                .getOptionalValue("iys.ratelimit.history-queries-per-hour", Long.class)
                .orElse(100L),
            Duration.ofHours(1));
    shared = cacheManager.isResolvable() ? jcache(cacheManager.get()) : null;
    if (shared == null) {
      LOG.log(
          System.Logger.Level.WARNING,
          "IYS-RATE-001 the server offers no JCache; rate limits now hold per instance only");
    }
  }

  public void request(String client) {
    if (reserveSize <= 1) {
      take("s:" + client, () -> perSecond, ErrorCode.H124);
      return;
    }
    String key = "s:" + client;
    if (reserves.size() >= MOST_RESERVES) {
      reserves.clear();
    }
    Reserve reserve = reserves.computeIfAbsent(key, k -> new Reserve());
    if (!reserve.spend(
        () -> perSecondBucket(key).tryConsumeAsMuchAsPossible(reserveSize),
        unspent -> perSecondBucket(key).addTokens(unspent))) {
      // The reserve does not know when the shared bucket refills; it refills every second.
      throw new RateLimited(Violation.of(ErrorCode.H124), 1);
    }
  }

  public void tokenRequest(String client) {
    take("t:" + client, () -> tokensPerHour, ErrorCode.H084);
  }

  public void statusQuery(String client) {
    take("q:" + client, () -> statusPerHour, ErrorCode.H086);
  }

  public void historyQuery(String client) {
    take("h:" + client, () -> historyPerHour, ErrorCode.H089);
  }

  private void take(String key, Supplier<BucketConfiguration> configuration, ErrorCode code) {
    ConsumptionProbe probe =
        shared != null
            ? shared.builder().build(key, configuration).tryConsumeAndReturnRemaining(1)
            : local
                .computeIfAbsent(
                    key,
                    k -> Bucket.builder().addLimit(configuration.get().getBandwidths()[0]).build())
                .tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new RateLimited(
          Violation.of(code), RateLimited.seconds(probe.getNanosToWaitForRefill()));
    }
  }

  private Bucket perSecondBucket(String key) {
    return shared != null
        ? shared.builder().build(key, () -> perSecond)
        : local.computeIfAbsent(
            key, k -> Bucket.builder().addLimit(perSecond.getBandwidths()[0]).build());
  }

  /**
   * Tokens this instance took from one client's shared bucket and has not spent yet. Spending is
   * lock-free; only fetching a new reserve is serialised, once per reserve. (A lock around every
   * spend made all requests of a busy client queue behind one thread, and behind the shared round
   * trip whenever that thread fetched.) What a reserve did not spend in its lifetime goes back to
   * the shared bucket, so a client sending slowly is not charged for tokens it never used.
   */
  static final class Reserve {

    private record Batch(long takenAt, AtomicLong left) {}

    private final AtomicReference<Batch> current =
        new AtomicReference<>(new Batch(0, new AtomicLong()));

    boolean spend(LongSupplier take, LongConsumer giveBack) {
      if (spendFrom(current.get(), System.nanoTime())) {
        return true;
      }
      synchronized (this) {
        long now = System.nanoTime();
        Batch batch = current.get();
        if (spendFrom(batch, now)) {
          return true;
        }
        long unspent = batch.left().getAndSet(0);
        if (unspent > 0) {
          giveBack.accept(unspent);
        }
        long taken = take.getAsLong();
        if (taken == 0) {
          return false;
        }
        current.set(new Batch(now, new AtomicLong(taken - 1)));
        return true;
      }
    }

    private static boolean spendFrom(Batch batch, long now) {
      if (now - batch.takenAt() > RESERVE_LIFETIME_NANOS) {
        return false;
      }
      AtomicLong left = batch.left();
      for (long n = left.get(); n > 0; n = left.get()) {
        if (left.compareAndSet(n, n - 1)) {
          return true;
        }
      }
      return false;
    }
  }

  private static BucketConfiguration allowance(long amount, Duration period) {
    return BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(amount).refillGreedy(amount, period).build())
        .build();
  }

  private static ProxyManager<String> jcache(CacheManager manager) {
    try {
      Cache<String, byte[]> cache = manager.getCache(CACHE, String.class, byte[].class);
      if (cache == null) {
        // Idle buckets are full again after an hour at most; dropping them then frees memory.
        var configuration =
            new MutableConfiguration<String, byte[]>()
                .setTypes(String.class, byte[].class)
                .setExpiryPolicyFactory(
                    AccessedExpiryPolicy.factoryOf(javax.cache.expiry.Duration.ONE_HOUR));
        cache = manager.createCache(CACHE, configuration);
      }
      return Bucket4jJCache.entryProcessorBasedBuilder(cache).build();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, () -> "IYS-RATE-002 the server's JCache failed", e);
      return null;
    }
  }
}
