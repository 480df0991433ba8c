package org.milkbottle.example.hello;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** What the greeting looks like. Shown and checked by {@code mb:config hello}. */
@ObjectClassDefinition(name = "Hello greeting", description = "How the hello plugin greets")
public @interface GreetingConfig {

    @AttributeDefinition(name = "Greeting", description = "The word to greet with")
    String greeting() default "Hello";

    @AttributeDefinition(name = "Exclamation marks", description = "How excited the greeting is (0-5)",
            min = "0", max = "5")
    int excitement() default 1;

    @AttributeDefinition(name = "Style", description = "Letter case of the greeting",
            options = {@Option(label = "as written", value = "plain"), @Option(label = "upper case", value = "shout")})
    String style() default "plain";
}
