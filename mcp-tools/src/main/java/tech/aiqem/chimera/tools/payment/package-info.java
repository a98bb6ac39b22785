/**
 * {@code send_payment}: its guard rails (address pattern, minimum 0.01, network, purpose, one payment
 * per task id) and the {@link tech.aiqem.chimera.tools.payment.PaymentGateway} port the wallet module
 * implements. Without a gateway bean the tool answers "payments are not configured on this server".
 */
package tech.aiqem.chimera.tools.payment;
