package tech.aiqem.chimera.ledger;

import java.util.List;

/** Incidents operators see on the dashboard and through {@code /v1/incidents}. */
public interface Incidents {

	void raise(Incident incident);

	/** Raises each (one JDBC batch); an overdue-review incident already raised for its task is skipped. */
	void raiseAll(List<Incident> incidents);
}
