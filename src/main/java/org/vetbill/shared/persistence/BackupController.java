package org.vetbill.shared.persistence;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform operator's backups of a running server on the embedded database: a POST on
 * {@code /admin/v1/backups} writes one into the data folder's {@code backups} folder
 * ({@link BackupFolder}) and answers its name, size and time. On PostgreSQL it refuses
 * (pg_dump backs it up).
 */
@RestController
@RequestMapping("/admin/v1/backups")
class BackupController {

	private final BackupFolder folder;

	BackupController(BackupFolder folder) {
		this.folder = folder;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	BackupFolder.Written create(@RequestBody(required = false) @Nullable NewBackup request) {
		return this.folder.write((request != null) ? request.file() : null);
	}

	/**
	 * A backup to write.
	 *
	 * @param file its file name in the backups folder, or null for a generated one
	 */
	record NewBackup(@Nullable String file) {
	}

}
