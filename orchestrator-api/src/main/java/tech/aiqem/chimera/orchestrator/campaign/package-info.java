/**
 * Campaigns: create (goals in plain language, budget, duration; the schedule quotes estimated posts),
 * list, get, edit goals or budget (a material change for OCC), pause and resume.
 */
package tech.aiqem.chimera.orchestrator.campaign;
