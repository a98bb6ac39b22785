package tech.aiqem.chimera.tools.payment;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import tech.aiqem.chimera.model.ChimeraException;
import tech.aiqem.chimera.model.Network;
import tech.aiqem.chimera.model.ToolFailure.Reason;
import tech.aiqem.chimera.model.message.Payment;
import tech.aiqem.chimera.tools.agent.AgentDirectory;
import tech.aiqem.chimera.tools.agent.AgentProfile;
import tech.aiqem.chimera.tools.mcp.Arguments;
import tech.aiqem.chimera.tools.mcp.CallContext;
import tech.aiqem.chimera.tools.mcp.ToolError;
import tech.aiqem.chimera.tools.outbox.ApprovedActions;

/** The {@code send_payment} tool: every check happens before the gateway is called. */
@Component
public class SendPaymentTool {

	public static final String NAME = "send_payment";

	private final AgentDirectory agents;

	private final PaymentGateway gateway;

	private final ApprovedActions approved;

	SendPaymentTool(AgentDirectory agents, ObjectProvider<PaymentGateway> gateway, ApprovedActions approved) {
		this.agents = agents;
		this.approved = approved;
		this.gateway = gateway.getIfAvailable(PaymentsNotConfigured::new);
	}

	public Map<String, Object> call(CallContext context, Map<String, Object> arguments) {
		Arguments args = new Arguments(NAME, arguments);
		String to = args.requiredString("to_address").strip();
		var amount = args.requiredNumber("amount_usdc");
		String purpose = args.requiredString("purpose").strip();
		Network network = args.optionalEnum("network", Network::of, Network.BASE);
		Payment payment;
		try {
			payment = new Payment(to, amount, purpose, network);
		}
		catch (IllegalArgumentException ex) {
			throw ToolError.invalidArgument(NAME + ": " + ex.getMessage().replace("payment.", ""));
		}
		var task = context.requireTask();
		AgentProfile agent = this.agents.get(context.requireAgent());
		if (context.tenant() != null && !context.tenant().equals(agent.tenant())) {
			throw new ToolError(Reason.FORBIDDEN, NAME + ": agent " + agent.id() + " does not belong to tenant " + context.tenant());
		}
		boolean byHuman = this.approved.requirePayment(NAME, task, agent.id(), payment);
		PaymentReceipt receipt;
		try {
			receipt = this.gateway.pay(new PaymentCommand(task, agent.id(), agent.tenant(), payment, byHuman));
		}
		catch (AgentPausedException ex) {
			// paused while the call waited for the wallet: nothing was recorded, and the payment stays approved
			throw this.approved.agentNotActive(NAME, task, agent.id(), "paused");
		}
		catch (PaymentRefusedException ex) {
			throw new ToolError(Reason.PAYMENT_REFUSED, NAME + ": " + ex.getMessage());
		}
		catch (ChimeraException ex) {
			throw ToolError.of(ex.code(), NAME + ": " + ex.getMessage());
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("transaction_hash", receipt.transactionHash());
		result.put("network", receipt.network().wire());
		result.put("from_address", receipt.fromAddress());
		result.put("to_address", receipt.toAddress());
		result.put("amount_usdc", receipt.amountUsdc());
		result.put("status", receipt.status());
		return result;
	}
}
