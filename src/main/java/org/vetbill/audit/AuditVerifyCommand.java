package org.vetbill.audit;

import java.io.PrintStream;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code ./vetbill audit-verify}: checks every organization's audit chain in the
 * configured database, prints one line per organization and exits with 0 when all are
 * intact, 1 otherwise. Runs when vetbill is started with
 * {@code --vetbill.command=audit-verify}.
 */
@Component
@ConditionalOnProperty(name = "vetbill.command", havingValue = "audit-verify")
class AuditVerifyCommand implements ApplicationRunner {

	private final AuditVerification verification;

	private final ConfigurableApplicationContext context;

	AuditVerifyCommand(AuditVerification verification, ConfigurableApplicationContext context) {
		this.verification = verification;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		int code = report(this.verification.verifyAll(), System.out);
		System.exit(SpringApplication.exit(this.context, () -> code));
	}

	/**
	 * Prints the reports.
	 * @param reports one per organization
	 * @param out where to
	 * @return the exit code: 0 when every chain is intact, 1 otherwise
	 */
	static int report(List<ChainReport> reports, PrintStream out) {
		boolean intact = true;
		for (ChainReport report : reports) {
			ChainReport.BrokenLink link = report.brokenLink();
			if (link == null) {
				out.printf("organization %d: intact, %d events, last hash %s%n", report.organizationId(),
						report.records(), report.lastHash());
				continue;
			}
			intact = false;
			out.printf(
					"organization %d: BROKEN at position %d (record %s): %s expected %s, found %s;"
							+ " %d events before it intact%n",
					report.organizationId(), link.position(), (link.recordId() != null) ? link.recordId() : "none",
					link.check(), link.expected(), link.found(), report.records());
		}
		out.printf("%d organizations checked: %s%n", reports.size(), intact ? "all intact" : "BROKEN");
		return intact ? 0 : 1;
	}

}
