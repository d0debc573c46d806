package org.vetbill.shared.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code ./vetbill backup [file]} and {@code ./vetbill restore <file> [--force]} against
 * the configured embedded database, when vetbill is started with
 * {@code --vetbill.command=backup} or {@code restore} and {@code --vetbill.backup.file}.
 * A restore refuses a database that holds data unless forced.
 */
@Component
@ConditionalOnExpression("'${vetbill.command:}' == 'backup' or '${vetbill.command:}' == 'restore'")
class BackupCommand implements ApplicationRunner {

	private final DatabaseBackup backup;

	private final ConfigurableApplicationContext context;

	private final String command;

	private final String file;

	private final boolean force;

	private final Clock clock;

	BackupCommand(DatabaseBackup backup, ConfigurableApplicationContext context,
			@Value("${vetbill.command}") String command, @Value("${vetbill.backup.file:}") String file,
			@Value("${vetbill.backup.force:false}") boolean force, Clock clock) {
		this.backup = backup;
		this.context = context;
		this.command = command;
		this.file = file;
		this.force = force;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		int code = execute();
		System.exit(SpringApplication.exit(this.context, () -> code));
	}

	private int execute() {
		if (this.command.equals("backup")) {
			Path target = this.file.isBlank()
					? Path.of("vetbill-backup-" + DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")
						.withZone(ZoneOffset.UTC)
						.format(this.clock.instant()) + ".sql.gz")
					: Path.of(this.file);
			this.backup.backup(target);
			System.out.println("backed up to " + target.toAbsolutePath());
			return 0;
		}
		Path source = Path.of(this.file);
		if (this.file.isBlank() || !Files.isReadable(source)) {
			System.err.println("restore needs a backup file that exists: ./vetbill restore <file>");
			return 2;
		}
		if (this.backup.hasData() && !this.force) {
			System.err.println("the database holds data; restore over it with --force (it is replaced entirely)");
			return 1;
		}
		this.backup.restore(source);
		System.out.println("restored from " + source.toAbsolutePath());
		return 0;
	}

}
