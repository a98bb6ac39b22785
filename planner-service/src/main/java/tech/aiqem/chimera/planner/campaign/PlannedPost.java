package tech.aiqem.chimera.planner.campaign;

import tech.aiqem.chimera.model.Platform;

/** One post the planner model proposed for a slot. */
public record PlannedPost(String topic, String goalDescription, Platform platform) {
}
