package org.vetbill.security;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How client secrets and user passwords are hashed: bcrypt, stored with its
 * {@code {bcrypt}} prefix so the algorithm can change later. The work factory is
 * {@code vetbill.security.password-strength} (bcrypt's log rounds, 10 by default); only
 * tests lower it, to create their many tenants quickly.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	@Bean
	PasswordEncoder passwordEncoder(@Value("${vetbill.security.password-strength:10}") int strength) {
		return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
	}

}
