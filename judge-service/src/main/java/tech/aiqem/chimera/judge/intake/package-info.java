/** The judge's intake: pops batches of results from the review lists, judges them, commits, then acknowledges. */
package tech.aiqem.chimera.judge.intake;
