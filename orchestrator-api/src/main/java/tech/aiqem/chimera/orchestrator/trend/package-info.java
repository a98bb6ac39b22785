/**
 * An agent's metrics per day (posts, engagement, spend against revenue, ROI, autonomy rate), computed
 * from stored data the way the period metrics are, for the dashboard's charts.
 */
package tech.aiqem.chimera.orchestrator.trend;
