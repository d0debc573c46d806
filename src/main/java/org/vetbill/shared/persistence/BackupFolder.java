package org.vetbill.shared.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.vetbill.shared.error.Conflict;
import org.vetbill.shared.error.Facts;
import org.vetbill.shared.error.InvalidInput;
import org.vetbill.shared.error.RuleViolation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The backups a running server writes on request, with {@link DatabaseBackup}, into the
 * folder {@code backups} of its data folder ({@code vetbill.data-dir}). A backup is
 * written under a temporary name and moved to its own name only when complete, so a file
 * of that folder with a backup's name is always a whole backup. Only file names are
 * accepted, never paths, so nothing is written outside the folder.
 */
@Component
public class BackupFolder {

	/** What a backup's name may be: a plain file name ending in {@code .sql.gz}. */
	static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	private static final String SUFFIX = ".sql.gz";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	/** How many names a generated name tries when backups are taken within one second. */
	private static final int GENERATED_TRIES = 100;

	private final DatabaseBackup backup;

	private final Clock clock;

	private final Path folder;

	BackupFolder(DatabaseBackup backup, Clock clock, @Value("${vetbill.data-dir:./data}") String dataDir) {
		this.backup = backup;
		this.clock = clock;
		this.folder = Path.of(dataDir, "backups");
	}

	/**
	 * Backs up the database into the folder.
	 * @param name the file's name, or null for {@code vetbill-backup-<UTC
	 * yyyyMMdd-HHmmss>.sql.gz}
	 * @return the file written
	 * @throws InvalidInput when the name is not a plain file name ending in
	 * {@code .sql.gz}
	 * @throws RuleViolation on PostgreSQL, which is backed up with its own tools
	 * @throws Conflict when a file of that name is already there
	 */
	public Written write(@Nullable String name) {
		if (name != null && !isValidName(name)) {
			throw InvalidInput.of("file", "backup_file_name_invalid", "name", name);
		}
		if (!this.backup.isEmbedded()) {
			throw RuleViolation.of("backup_not_embedded");
		}
		Instant created = this.clock.instant();
		Path temporary = this.folder.resolve(".writing-" + UUID.randomUUID() + ".tmp");
		try {
			Files.createDirectories(this.folder);
			this.backup.backup(temporary);
			String base = "vetbill-backup-" + STAMP.format(created);
			for (int attempt = 1; attempt <= ((name != null) ? 1 : GENERATED_TRIES); attempt++) {
				String candidate = (name != null) ? name : base + ((attempt > 1) ? "-" + attempt : "") + SUFFIX;
				Path target = this.folder.resolve(candidate);
				try {
					// claims the name (atomically: two requests never get the same one),
					// then puts the whole backup in its place at once
					Files.createFile(target);
				}
				catch (FileAlreadyExistsException ex) {
					continue;
				}
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				return new Written(candidate, Files.size(target), created);
			}
			throw new Conflict("backup_file_exists", Facts.of("file", (name != null) ? name : base + SUFFIX));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write the backup into " + this.folder.toAbsolutePath(), ex);
		}
		finally {
			deleteQuietly(temporary);
		}
	}

	/**
	 * Whether a name is one a backup may have: letters, digits, {@code .}, {@code _} and
	 * {@code -}, at most 100, ending in {@code .sql.gz} (so never a path).
	 * @param name the name
	 * @return true when it is
	 */
	static boolean isValidName(String name) {
		return NAME.matcher(name).matches() && name.endsWith(SUFFIX) && name.length() > SUFFIX.length();
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a leftover temporary file is harmless: it never has a backup's name
		}
	}

	/**
	 * A backup written into the folder.
	 *
	 * @param file its name in the folder
	 * @param bytes its size
	 * @param created when it was taken
	 */
	public record Written(String file, long bytes, Instant created) {
	}

}
