package tech.aiqem.chimera.tools.faults;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import tech.aiqem.chimera.model.Platform;
import tech.aiqem.chimera.tools.platform.SocialPlatform;
import tech.aiqem.chimera.tools.platform.SocialPlatforms;

/**
 * The lost-answer knob, for the fault suite only: in mcp-tools' test jar, which chimera-local puts on the
 * services' class path when asked to ({@code CHIMERA_EXTRA_CLASSPATH}); no service jar holds it. With
 * {@code chimera.tools.faults.lost-answer-share} above 0 every platform adapter is wrapped in
 * {@link LostAnswers}. Services other than mcp-tools skip it.
 */
@AutoConfiguration
@ConditionalOnClass(name = "tech.aiqem.chimera.tools.platform.SocialPlatforms")
public class LostAnswersAutoConfiguration {

	@Bean
	static BeanPostProcessor lostAnswers(Environment environment) {
		double share = environment.getProperty("chimera.tools.faults.lost-answer-share", Double.class, 0.0);
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (share > 0 && bean instanceof SocialPlatforms platforms) {
					List<SocialPlatform> wrapped = new ArrayList<>();
					for (Platform platform : Platform.values()) {
						wrapped.add(new LostAnswers(platforms.get(platform), share));
					}
					return new SocialPlatforms(wrapped);
				}
				return bean;
			}
		};
	}
}
