package org.iys.web.rest.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.jcache.Bucket4jJCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import org.eclipse.microprofile.config.ConfigProvider;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;

/**
 * Per-client request allowances, answered with 429 and the reference's codes once spent: requests
 * per second per API user on the business API (H124), token requests per hour per client address
 * and account (H084), status and history queries per hour per API user (H086, H089).
 *
 * <p>The buckets are Bucket4j buckets kept in Payara's JCache, which is Hazelcast: when the
 * instances form a Payara cluster (Data Grid), every instance updates the same bucket through an
 * entry processor that runs on the member owning the key, so an allowance holds for the whole
 * cluster, not per instance. Started with {@code --nocluster} (as the tests and the one-command run
 * are), Hazelcast holds the cache inside this one instance, which is then the whole deployment. If
 * the server offers no JCache at all, the buckets fall back to this JVM's memory and a warning says
 * that limits are then per instance.
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
    perSecond =
        allowance(
            config.getOptionalValue("iys.ratelimit.requests-per-second", Long.class).orElse(100L),
            Duration.ofSeconds(1));
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
    take("s:" + client, () -> perSecond, ErrorCode.H124);
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
    boolean allowed =
        shared != null
            ? shared.builder().build(key, configuration).tryConsume(1)
            : local
                .computeIfAbsent(
                    key,
                    k -> Bucket.builder().addLimit(configuration.get().getBandwidths()[0]).build())
                .tryConsume(1);
    if (!allowed) {
      throw new DomainException(Violation.of(code));
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
