package com.example.model;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.*;

@SpringBootApplication
@RestController
public class ModelApplication {
    public static void main(String[] args) {
        SpringApplication.run(ModelApplication.class, args);
    }

    @GetMapping("/health")
    public Map<String, String> health() {
        return Map.of("health", "true");
    }

    @PostMapping("/predict")
    public Map<String, Object> predict0(@RequestBody Map<String, Object> body) {
        return Map.of("predictions", new int[] {0});
    }
}
