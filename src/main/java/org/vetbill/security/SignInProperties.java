package org.vetbill.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the throttling of failed sign-ins ({@code vetbill.security.sign-in.*}); see
 * {@link SignInThrottle}.
 *
 * @param enabled whether failed sign-ins are counted and accounts and addresses locked
 * @param accountMaxFailures the consecutive failures of one account (an API client or a
 * user of one organization) after which it is locked
 * @param accountLockTime how long the first lock of an account lasts; each further
 * failure after it doubles the lock
 * @param accountMaxLockTime the longest lock of an account
 * @param accountForgetAfter how long an account's failures are remembered without a new
 * one
 * @param addressMaxFailures the failures from one client address (over any accounts)
 * after which it is locked
 * @param addressWindow how long an address's failures are remembered without a new one,
 * and how long its lock lasts
 */
@ConfigurationProperties("vetbill.security.sign-in")
record SignInProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5") int accountMaxFailures,
		@DefaultValue("1m") Duration accountLockTime, @DefaultValue("15m") Duration accountMaxLockTime,
		@DefaultValue("1d") Duration accountForgetAfter, @DefaultValue("50") int addressMaxFailures,
		@DefaultValue("15m") Duration addressWindow) {

	/**
	 * How long an account is locked after a number of consecutive failures.
	 * @param failures the consecutive failures, at least {@link #accountMaxFailures}
	 * @return the lock time: the first lock time, doubled for each failure beyond the
	 * first lock, at most the longest lock time
	 */
	Duration accountLock(int failures) {
		int doublings = Math.min(Math.max(0, failures - this.accountMaxFailures), 30);
		Duration lock = this.accountLockTime.multipliedBy(1L << doublings);
		return (lock.compareTo(this.accountMaxLockTime) > 0) ? this.accountMaxLockTime : lock;
	}

}
