package tech.aiqem.chimera.judge.core.checks;

import java.util.List;

import tech.aiqem.chimera.judge.core.Draft;
import tech.aiqem.chimera.judge.core.Finding;

/** One of the judge's deterministic checks: pure, no I/O beyond the ports it was given. */
public interface Check {

	List<Finding> check(Draft draft);
}
