/**
 * The record of every tool call served for a task ({@code served_tool_calls}): which tool, for which
 * caller, a hash of its arguments, its outcome and what it produced. The judge verifies the tool calls a
 * worker's result claims against it.
 */
package tech.aiqem.chimera.tools.audit;
