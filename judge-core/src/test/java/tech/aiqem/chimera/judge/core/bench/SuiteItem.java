package tech.aiqem.chimera.judge.core.bench;

import tech.aiqem.chimera.judge.core.Draft;

/**
 * One labelled worker result of the persona suite.
 *
 * @param category what it tests (a row of the benchmark's table)
 * @param expected the decision a careful human would want: approve, review or reject
 * @param origin where its text came from: a dataset source, or "ours" when we wrote part of it
 */
record SuiteItem(String category, String expected, Draft draft, String origin) {
}
