package tech.aiqem.chimera.judge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import tech.aiqem.chimera.safety.WarmUp;

@SpringBootApplication
@ConfigurationPropertiesScan
public class JudgeApplication {

	public static void main(String[] args) {
		// the detectors load while Spring starts, not when the first untrusted text arrives
		WarmUp.inBackground(true);
		SpringApplication.run(JudgeApplication.class, args);
	}
}
