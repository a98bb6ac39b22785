package tech.aiqem.chimera.safety;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The weighted rules, by family (docs/security.md). They run over the normalised forms of a text; a
 * text's score is the sum of the weights of the families that fire. Each rule targets what an attack
 * must say to work (an instruction to drop instructions, a new role, a secret to reveal, a payment to
 * someone) rather than single words, so fans asking about prices, links or leather wallets pass.
 */
final class InjectionRules {

	private static final String VERB_IGNORE = "(ignore|ignoring|disregard|forget|overlook|skip|bypass|override|set aside|stop following|abandon|drop|neglect)";

	private static final String RULE_NOUN = "(instructions?|instruction set|directions?|directives?|rules?|prompts?|guidelines?|programming|constraints?|restrictions?|polic(y|ies)|orders|commands?|training|system message)";

	private static final String MONEY = "(\\b\\d+(\\.\\d+)?\\s*(usdc|usdt|usd|eth|btc|sol|dollars?|bucks|birr)|\\$\\s?\\d+|\\b(usdc|usdt|eth|btc|crypto|funds|balance|money|tokens?))";

	private static final String PAY_VERB = "(send|transfer|wire|pay|tip|airdrop|drop|give|move|gift|donate|forward)";

	static final List<Rule> RULES = List.of(
			// Dropping the instructions: the core of the family (Perez & Ribeiro 2022).
			rule("override", 0.8, "\\b" + VERB_IGNORE + "\\b[^.!?\\n]{0,50}?\\b" + RULE_NOUN + "\\b"),
			rule("override", 0.8, "\\b(ignore|disregard|forget)\\s+(all\\s+|everything\\s+|what(ever)?\\s+)?(the\\s+)?(above|previous messages?|prior messages?|everything (above|before)|what you (were|have been) (told|given|instructed)|you were told)"),
			rule("override", 0.7, "\\bforget (everything|all)( (that )?(you|i) (were|was|have been) (told|said|given))?\\b"),
			rule("override", 0.8, "\\b(ignor\\w*|vergiss|vergessen|missacht\\w*)\\b.{0,40}\\b(anweisung\\w*|regeln|instruktion\\w*|befehl\\w*|vorgaben)"),
			rule("override", 0.7, "\\bvergiss alles\\b"),
			rule("override", 0.8, "\\b(ignor\\w*|olvid\\w*|omit\\w*|descart\\w*|oubli\\w*|dimentic\\w*|esquec\\w*|esqueca)\\b.{0,40}\\b(instruc\\w*|instruccion\\w*|istruzion\\w*|instrucoes|regla\\w*|regole|regras|r[eè]gles|consignes|directiv\\w*|diretriz\\w*|direttive|indicaciones)"),
			rule("override", 0.8, "(игнорир\\S*|проигнорир\\S*|забудь|забыть).{0,40}(инструкци|правил|указани)"),
			rule("override", 0.8, "(忽略|无视|忘记|忘掉|忽视).{0,12}(指令|指示|规则|提示|说明|要求)"),
			rule("override", 0.8, "(መመሪያ.{0,30}ችላ|ችላ.{0,30}መመሪያ)"),
			rule("override", 0.8, "تجاهل.{0,30}(التعليمات|القواعد|الأوامر)"),
			// A new role or mode that sheds the rules (DAN and its kin, Shen et al. 2023).
			rule("role-change", 0.7, "\\b(you are now|you're now|from now on,? you( are|'re| will| must| shall)?|you will now|you must now|you are going to)\\s+(be\\s+|act as\\s+|pretend\\s+)?(a |an |in |my |the )?(unrestricted|jailbroken|free|dan\\b|developer|debug|admin|maintenance|god|evil|uncensored|unfiltered|assistant|bot|ai\\b|model|crypto|personal|simulat|pretend|act|answer|reply|respond|post|only|obey|follow)"),
			rule("role-change", 0.7, "\\byou are no longer\\s+(a |an |bound|restricted|limited|required|subject|the)"),
			rule("role-change", 0.6, "\\b(pretend (to be|you are|you're)|roleplay as|role-play as|act as (a|an|my|if you were)|simulate (a|an|being))\\b"),
			rule("role-change", 0.7, "\\b(developer|debug|admin|maintenance|god|jailbreak|unrestricted|dan) mode\\b"),
			rule("role-change", 0.5, "\\b(enter|switch to|enable|activate|turn on)\\b.{0,20}\\bmode\\b"),
			rule("jailbreak", 0.7, "\\b(do anything now|jailbr(eak|oken)|never refuses?|no (content )?(filters?|restrictions|limits|rules)|without (any )?(restrictions|rules|filters|limits|content polic\\w*)|broken free|no content policy)\\b"),
			// Secrets and the prompt (OWASP LLM01, LLM02).
			rule("exfiltrate", 0.7, "\\b(reveal|print|show|repeat|leak|output|tell|give|share|send|post|display|dump|list|expose|what('s| is| are| were))\\b.{0,40}\\b(system prompt|initial prompt|hidden prompt|original prompt|(your|the) (prompt|instructions|system instructions|configuration|config|environment variables|env vars)|private key|seed phrase|secret key|api key|password|credentials|mnemonic|wallet key|customer (data|emails))"),
			rule("exfiltrate", 0.7, "\\b(system prompt|hidden prompt|initial prompt|prompt (de |di )?(sistema|systeme)|系统提示|системн\\S* промпт)"),
			rule("exfiltrate", 0.6, "\\b(verrate|dime|revele|revela|rivela|dimmi|dis-moi)\\b.{0,30}\\b(passwort|contrasena|contraseña|mot de passe|password|prompt)"),
			rule("exfiltrate", 0.6, "\\b(seed phrase|private key|secret key|api key|mnemonic)\\b"),
			rule("exfiltrate", 0.7, "\\brepeat (the |all |everything |the text |the words )*(above|before)"),
			rule("exfiltrate", 0.6, "\\binstructions (you were given|your \\w+ gave you|(that )?(your )?(operator|developer|creator|owner) gave)"),
			// Payments to a third party (what ResultChecks and the judge's human gate exist for).
			rule("payment", 0.6, "\\b" + PAY_VERB + "\\s+(me|us|him|her|them|my (wallet|account|address)|this (address|wallet|account))\\b.{0,40}" + MONEY),
			rule("payment", 0.6, "\\b" + PAY_VERB + "\\b[^.!?]{0,40}" + MONEY + "\\b[^.!?]{0,40}\\b(to|into|at)\\s+(me\\b|my\\b|us\\b|this\\b|the (address|wallet|account|designer)|0x|@|the wallet|the new)"),
			rule("payment", 0.6, "\\b(pay|transfer|wire) (me|us)\\b"),
			rule("payment", 0.6, "\\b(pay|settle) (the|this|my|an?) (invoice|bill|fee|order|debt|rent)\\b"),
			rule("payment", 0.6, "\\b(execute|make|approve) (the |a |this )?(payment|transaction|transfer)\\b"),
			rule("payment", 0.5, "\\byou owe me\\b"),
			rule("payment", 0.5, "\\bgive away \\d+"),
			rule("payment", 0.6, "(envi[aeo]\\w*|invia\\w*|sende\\w*|отправ\\S*|ላክ\\S*|переведи\\S*).{0,40}(usdc|eth|dinero|dinheiro|denaro|soldi|geld|деньги|ገንዘብ|money|crypto)"),
			rule("wallet-address", 0.3, "\\b0x[a-f0-9]{40}\\b"),
			// Someone claiming to speak for the operator or the platform.
			rule("fake-authority", 0.4, "\\b(this is|message from|notice from|official (message|notice) from|on behalf of|here is|update from)\\s+(the\\s+|your\\s+)?(chimera\\s+|platform\\s+|openai\\s+|anthropic\\s+|google\\s+)?(admin\\w*|developer|operator|creator|owner|boss|support|trust( and safety)? team|security team|moderator|system)"),
			rule("fake-authority", 0.4, "\\b(chimera|openai|anthropic|platform|your) (operator|admin|developer|support|creator|owner|boss)( team)?( here)?\\s*[:,—-]"),
			rule("fake-authority", 0.5, "\\b(system (notice|message|alert)|admin notice|operator override|emergency override|security override|override (enabled|activated))\\b"),
			rule("fake-authority", 0.4, "\\b(authori[sz](ed|e)|permission|allowed|permitted)\\b.{0,20}\\b(to )?(skip|ignore|bypass|share|reveal|post|send|approve|publish|disable)"),
			rule("fake-authority", 0.4, "\\b(admin|administrator|developer|operator|owner|creator|boss)\\s+(says|said|instructs|requires|orders|wants you)\\b"),
			rule("fake-authority", 0.6, "\\b(safety|content|security) (checks?|guidelines|polic(y|ies)|filters?|rules) (are|is|have been) (now )?(disabled|suspended|off|lifted|removed)"),
			// Delimiters that fake a system or assistant turn (Greshake et al. 2023).
			rule("markup", 0.6, "(</?\\s*(system|assistant|user|instructions?|untrusted_data|im_start|im_end)\\s*>|\\[\\s*/?(system|inst|instruction)\\s*\\]|###\\s*(system|instruction)|<\\|im_(start|end)\\|>|<!--.{0,80}\\b(ai|assistant|agents?|instructions?)\\b)"),
			// Instructions addressed to the agent inside content it reads.
			rule("directive", 0.6, "\\b(note|attention|important( instruction)?|message|hidden instruction|instruction|directive|reminder)s? (to|for) (the |any |all )?(ai|bot|agent|assistant|model|llm)s?\\b"),
			rule("directive", 0.5, "\\b(new|updated|real|actual|secret|hidden) (instructions?|directives?|task( for)?)\\b|\\byour (new|real|updated|actual|true) (rules?|goals?|task|directive|instructions|purpose)\\b|\\bnew rule:"),
			rule("directive", 0.5, "\\b(changed|updated|overrid\\w*|replac\\w*) (your|the campaign'?s?|the) (goals?|rules|instructions|campaign|directives?)\\b|\\boverride the campaign\\b"),
			rule("directive", 0.5, "\\b(your next|every|each|all (of )?your|in your next \\w+)\\s+(post|reply|tweet|posts|replies|tweets|answer|message)s?\\s+(must|should|has to|have to|will)\\b"),
			rule("directive", 0.5, "\\b(post|publish|tweet|reply with|say|write|output|include)\\b.{0,40}\\b(verbatim|word for word|exactly as (written|follows|below)|the following (text|message|words)|exactly:?$|exactly ')"),
			rule("directive", 0.5, "\\b(without|skip|bypass|skipping|ignore|ignoring|circumvent) (the |any )?(human )?(review|approval|approval process|checks)\\b|\\bapprove all\\b"),
			rule("directive", 0.5, "\\bdo not (mention|reveal|tell (anyone )?about) (this|these) (instruction|message|rule)s?\\b"),
			rule("directive", 0.5, "\\bwithout (the |your )?(ai )?disclosure\\b"),
			rule("directive", 0.5, "(neue aufgabe|nueva tarea|nouvelle tache|nuovo compito|nova tarefa|новая задача|新任务)"),
			// Payloads in another encoding, with an instruction to decode and follow them.
			rule("encoded", 0.4, "\\b(decode|base64|rot-?13|hex encoded)\\b.{0,40}\\b(follow|obey|run|execute|do it|and do)\\b|\\b(follow|obey|run|execute)\\b.{0,30}\\b(base64|rot-?13|hex)\\b"));

	private InjectionRules() {
	}

	private static Rule rule(String family, double weight, String regex) {
		// every form the rules read is lower case already (Normaliser.variants): matching without case folding
		// halves their cost on long texts
		return new Rule(family, weight, Pattern.compile(regex));
	}

	record Rule(String family, double weight, Pattern pattern) {
	}
}
