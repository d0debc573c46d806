package org.vetbill.ratelimit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.bucket4j.TimeMeter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.vetbill.shared.PageRequest;
import org.vetbill.shared.web.ApiPaths;
import org.vetbill.shared.web.ErrorResponses;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Rate limiting, unless {@code vetbill.rate-limit.enabled} is false: the store of the
 * buckets, the limits, vetbill's own API as a rate-limited API, and the filter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "vetbill.rate-limit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	/** Room for the buckets of the memory store: about 300 bytes each. */
	static final long MEMORY_BUCKETS = 100_000;

	/**
	 * After Spring Security's filters, which tell who the caller is, and before the
	 * idempotency filter (an ordinary filter, so last), which opens a transaction.
	 */
	static final int FILTER_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;

	private static final Log logger = LogFactory.getLog(RateLimitConfiguration.class);

	/**
	 * vetbill's own API publishes no limits: each action has the most common published
	 * number, 300 per minute, and a list weighs its {@code limit} in pages of 50.
	 * @return the API
	 */
	@Bean
	RateLimitedApi vetbillApiRateLimits() {
		return new RateLimitedApi("vetbill", ApiPaths.VETBILL, "limit", PageRequest.DEFAULT_LIMIT, 300, Map.of());
	}

	@Bean
	RateLimits rateLimits(List<RateLimitedApi> apis, RateLimitProperties properties) {
		return new RateLimits(apis, properties);
	}

	@Bean
	RateLimiter rateLimiter(RateLimitProperties properties, DataSource dataSource, Clock clock) {
		boolean postgres = isPostgres(dataSource);
		RateLimitProperties.Store store = properties.store();
		if (store == null) {
			store = postgres ? RateLimitProperties.Store.DATABASE : RateLimitProperties.Store.MEMORY;
		}
		TimeMeter time = new ClockTimeMeter(clock);
		logger.info("Rate limits are counted in the " + store.name().toLowerCase(java.util.Locale.ROOT) + " store");
		return switch (store) {
			case MEMORY -> new MemoryRateLimiter(time, MEMORY_BUCKETS);
			case DATABASE -> {
				if (!postgres) {
					throw new IllegalStateException("vetbill.rate-limit.store=database needs PostgreSQL; "
							+ "on the embedded database use memory (one node) or redis");
				}
				yield SharedRateLimiter.database(dataSource, time);
			}
			case REDIS -> SharedRateLimiter.redis(properties.redisUrl(), time);
		};
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
			@Qualifier("requestMappingHandlerMapping") HandlerMapping handlers, RateLimits limits, RateLimiter limiter,
			ErrorResponses errors) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(handlers, limits, limiter, errors));
		registration.setOrder(FILTER_ORDER);
		return registration;
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database the rate limits would use", ex);
		}
	}

}
