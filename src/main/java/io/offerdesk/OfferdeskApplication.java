package io.offerdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Offerdesk: a self-hosted private-offer marketplace and go-to-market automation platform. */
@Modulithic(systemName = "Offerdesk", sharedModules = "shared")
@SpringBootApplication
@EnableScheduling
public class OfferdeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(OfferdeskApplication.class, args);
    }
}
