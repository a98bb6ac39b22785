package tech.aiqem.chimera.orchestrator.judge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tech.aiqem.chimera.judge.core.JudgeCore;
import tech.aiqem.chimera.judge.core.SafetyPorts;

/** judge-core as the judge service wires it (chimera-safety's models, declared tool calls). */
@Configuration(proxyBeanMethods = false)
class JudgeCoreConfiguration {

	@Bean
	JudgeCore judgeCore() {
		return SafetyPorts.judgeCore();
	}
}
