/** Tasks: list them, and follow one across services with its history (planned, picked, judged, reviewed, published). */
package tech.aiqem.chimera.orchestrator.task;
