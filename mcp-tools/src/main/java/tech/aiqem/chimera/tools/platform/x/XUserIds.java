package tech.aiqem.chimera.tools.platform.x;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

import tech.aiqem.chimera.tools.platform.AccountRef;
import tech.aiqem.chimera.tools.platform.PlatformException;
import tech.aiqem.chimera.tools.platform.PlatformException.Kind;

/**
 * The numeric user id that X's timeline and mention endpoints take in their paths. An agent is created with
 * its X username only (POST /v1/agents takes a username), so unless the operator stored the id with the
 * account, it is looked up once by username ({@code GET /2/users/by/username/:username}) and kept: an
 * account's id never changes, and usernames are compared without case, as X compares them.
 */
final class XUserIds {

	private final Map<String, String> ids = new ConcurrentHashMap<>();

	private final Function<AccountRef, JsonNode> lookup;

	/** @param lookup answers {@code GET /2/users/by/username/:username} for the account (its errors already thrown) */
	XUserIds(Function<AccountRef, JsonNode> lookup) {
		this.lookup = lookup;
	}

	String of(AccountRef account) {
		if (account.userId() != null && !account.userId().isBlank()) {
			return account.userId();
		}
		String username = account.username().toLowerCase(Locale.ROOT);
		String known = this.ids.get(username);
		if (known != null) {
			return known;
		}
		// an unknown username is a 200 with errors[] and no data (X API v2)
		String id = this.lookup.apply(account).path("data").path("id").asString(null);
		if (id == null) {
			throw new PlatformException(Kind.REJECTED, "X has no user @" + account.username() + " (agent " + account.agent() + ")");
		}
		this.ids.put(username, id);
		return id;
	}
}
