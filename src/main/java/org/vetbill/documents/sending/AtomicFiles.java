package org.vetbill.documents.sending;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that whoever reads the folder sees it whole or not at all: the bytes
 * go to a hidden temporary file in the same folder ({@code .name.tmp}, which a connector
 * picking up {@code *.xml} or {@code *.eml} ignores), are forced to disk, and the file is
 * then renamed to its name in one atomic step. Writing the same name again replaces the
 * file whole, so a repeated attempt of one sending leaves one file.
 */
final class AtomicFiles {

	private AtomicFiles() {
	}

	/**
	 * What writes a file's content.
	 */
	@FunctionalInterface
	interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	/**
	 * Writes a file atomically.
	 * @param folder the folder, created when missing
	 * @param name the file's name
	 * @param content what it holds
	 * @return the file
	 * @throws IOException when it cannot be written; no partial file is left under
	 * {@code name}
	 */
	static Path write(Path folder, String name, Content content) throws IOException {
		Files.createDirectories(folder);
		Path target = folder.resolve(name);
		Path temp = folder.resolve("." + name + ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
					StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
				OutputStream out = Channels.newOutputStream(channel);
				content.writeTo(out);
				out.flush();
				channel.force(true);
			}
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

}
