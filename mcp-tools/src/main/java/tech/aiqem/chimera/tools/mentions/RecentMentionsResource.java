package tech.aiqem.chimera.tools.mentions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tech.aiqem.chimera.model.AgentId;
import tech.aiqem.chimera.model.ChimeraJson;
import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.model.TenantId;
import tech.aiqem.chimera.model.ToolFailure.Reason;
import tech.aiqem.chimera.tools.agent.AgentDirectory;
import tech.aiqem.chimera.tools.agent.AgentProfile;
import tech.aiqem.chimera.tools.mcp.CallContext;
import tech.aiqem.chimera.tools.mcp.ToolError;
import tech.aiqem.chimera.tools.platform.AccountRef;
import tech.aiqem.chimera.tools.platform.RecentMention;
import tech.aiqem.chimera.tools.platform.SocialPlatforms;

/** Reads an agent's recent mentions on one platform and writes the JSON of mcp-tools/README.md. */
@Component
public class RecentMentionsResource {


	private final AgentDirectory agents;

	private final SocialPlatforms platforms;

	private final Clock clock;

	/**
	 * The last hour, as the specification's resource says (mcp-tools/README.md); configurable for demos whose clock
	 * runs thousands of times too fast.
	 */
	private final Duration window;

	RecentMentionsResource(AgentDirectory agents, SocialPlatforms platforms, Clock clock,
			tech.aiqem.chimera.tools.config.ToolsProperties properties) {
		this.window = properties.sandbox().mentionsWindow();
		this.agents = agents;
		this.platforms = platforms;
		this.clock = clock;
	}

	public static String uri(Platform platform) {
		return platform.wire() + "://mentions/recent";
	}

	/** The resource's JSON text; {@link ToolError} when the agent is missing or has no such account. */
	public String read(Platform platform, CallContext context) {
		return read(platform, context.requireAgent(), null);
	}

	/**
	 * As {@link #read(Platform, CallContext)} for an agent named in the URI; with {@code tenant} set (an API
	 * key's caller), an agent of another tenant is unknown, so nobody learns that it exists.
	 */
	public String read(Platform platform, AgentId agentId, TenantId tenant) {
		AgentProfile agent = this.agents.get(agentId);
		if (tenant != null && !tenant.equals(agent.tenant())) {
			throw new ToolError(Reason.UNKNOWN_AGENT, "no agent " + agentId + " in this tenant");
		}
		AgentProfile.SocialAccount social = agent.account(platform)
			.orElseThrow(() -> new ToolError(Reason.NO_ACCOUNT, "agent " + agent.id() + " has no " + platform.wire() + " account"));
		Instant now = this.clock.instant();
		List<RecentMention> mentions = this.platforms.get(platform)
			.mentions(new AccountRef(agent.id(), agent.tenant(), platform, social.username(), social.userId()),
					now.minus(this.window), now);
		List<Map<String, Object>> items = new ArrayList<>();
		for (RecentMention mention : mentions) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", mention.id());
			item.put("text", mention.text());
			item.put("author", mention.author());
			item.put("created_at", mention.createdAt().toString());
			item.put("engagement", Map.of("likes", mention.likes(), "retweets", mention.retweets()));
			items.add(item);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("mentions", items);
		body.put("fetched_at", now.toString());
		return ChimeraJson.write(body);
	}
}
