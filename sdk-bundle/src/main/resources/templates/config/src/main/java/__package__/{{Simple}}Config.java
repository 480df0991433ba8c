package {{package}};

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * {{title}}'s configuration, typed. Its defaults, types, ranges and options are the schema that {@code mb:config
 * {{name}}} shows and checks: a value outside it is refused before anything is stored.
 */
@ObjectClassDefinition(name = "{{title}}", description = "How {{scope}}:greet greets")
public @interface {{Simple}}Config {

    @AttributeDefinition(name = "Greeting", description = "The word to greet with")
    String greeting() default "Hello";

    @AttributeDefinition(name = "Exclamation marks", description = "How excited the greeting is (0-5)",
            min = "0", max = "5")
    int excitement() default 1;

    @AttributeDefinition(name = "Style", description = "Letter case of the greeting",
            options = {@Option(label = "as written", value = "plain"), @Option(label = "upper case", value = "shout")})
    String style() default "plain";
}
