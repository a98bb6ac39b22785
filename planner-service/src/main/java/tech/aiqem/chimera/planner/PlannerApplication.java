package tech.aiqem.chimera.planner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import tech.aiqem.chimera.safety.WarmUp;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PlannerApplication {

	public static void main(String[] args) {
		// the detectors load while Spring starts, not when the first untrusted text arrives
		WarmUp.inBackground(false);
		SpringApplication.run(PlannerApplication.class, args);
	}
}
