package org.vetbill;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * vetbill: billing and invoicing server for veterinary clinics.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VetbillApplication {

	public static void main(String[] args) {
		SpringApplication.run(VetbillApplication.class, args);
	}

}
