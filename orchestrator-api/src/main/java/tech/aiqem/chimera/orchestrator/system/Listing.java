package tech.aiqem.chimera.orchestrator.system;

import java.util.List;

/** A page of a collection as the list endpoints answer it: {@code {items, count}}, count being the items here. */
public record Listing<T>(List<T> items, int count) {

	public static <T> Listing<T> of(List<T> items) {
		return new Listing<>(items, items.size());
	}
}
