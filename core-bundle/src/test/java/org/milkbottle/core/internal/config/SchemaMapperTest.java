package org.milkbottle.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.milkbottle.api.ConfigurationSchema;
import org.milkbottle.api.PluginException;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Every Metatype type a plugin may declare: how {@code mb:config-set} text is checked and converted, the
 * error a bad value gets, and how the schema shows types, defaults and current values.
 */
class SchemaMapperTest {

    /** An attribute as a plugin's Metatype would declare it. */
    record Attr(String id, int type, int cardinality, String[] options, String[] defaults, String problem)
            implements AttributeDefinition {

        static Attr of(String id, int type) {
            return new Attr(id, type, 0, null, null, null);
        }

        @Override
        public String getName() {
            return id + " name";
        }

        @Override
        public String getID() {
            return id;
        }

        @Override
        public String getDescription() {
            return id + " description";
        }

        @Override
        public int getCardinality() {
            return cardinality;
        }

        @Override
        public int getType() {
            return type;
        }

        @Override
        public String[] getOptionValues() {
            return options;
        }

        @Override
        public String[] getOptionLabels() {
            return options;
        }

        @Override
        public String validate(String value) {
            return problem;
        }

        @Override
        public String[] getDefaultValue() {
            return defaults;
        }
    }

    record Ocd(AttributeDefinition[] all, AttributeDefinition[] required) implements ObjectClassDefinition {

        @Override
        public String getName() {
            return "Greeting";
        }

        @Override
        public String getID() {
            return "hello.greeting";
        }

        @Override
        public String getDescription() {
            return "How hello greets";
        }

        @Override
        public AttributeDefinition[] getAttributeDefinitions(int filter) {
            return filter == REQUIRED ? required : all;
        }

        @Override
        public InputStream getIcon(int size) {
            return null;
        }
    }

    private static Object convert(AttributeDefinition definition, String text) {
        return SchemaMapper.convert("hello", definition, text, false);
    }

    @Test
    void everyScalarTypeIsConvertedToItsJavaType() {
        assertThat(convert(Attr.of("a", AttributeDefinition.INTEGER), " 42 ")).isEqualTo(42);
        assertThat(convert(Attr.of("a", AttributeDefinition.LONG), "9000000000")).isEqualTo(9_000_000_000L);
        assertThat(convert(Attr.of("a", AttributeDefinition.SHORT), "-7")).isEqualTo((short) -7);
        assertThat(convert(Attr.of("a", AttributeDefinition.BYTE), "127")).isEqualTo((byte) 127);
        assertThat(convert(Attr.of("a", AttributeDefinition.DOUBLE), "2.5")).isEqualTo(2.5d);
        assertThat(convert(Attr.of("a", AttributeDefinition.FLOAT), "0.25")).isEqualTo(0.25f);
        assertThat(convert(Attr.of("a", AttributeDefinition.CHARACTER), "x")).isEqualTo('x');
        assertThat(convert(Attr.of("a", AttributeDefinition.BOOLEAN), " TRUE ")).isEqualTo(true);
        assertThat(convert(Attr.of("a", AttributeDefinition.BOOLEAN), "false")).isEqualTo(false);
        assertThat(convert(Attr.of("a", AttributeDefinition.PASSWORD), "s3cret")).isEqualTo("s3cret");
        assertThat(convert(Attr.of("a", AttributeDefinition.STRING), "")).isEqualTo("");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingKeyPluginAndType() {
        assertThatThrownBy(() -> convert(Attr.of("port", AttributeDefinition.INTEGER), "eighty"))
                .isInstanceOf(PluginException.class)
                .hasMessage("'eighty' is not a valid value for port of hello: it must be of type Integer. "
                        + "Nothing was changed.");
        assertThatThrownBy(() -> convert(Attr.of("small", AttributeDefinition.BYTE), "300"))
                .hasMessageContaining("it must be of type Byte");
        assertThatThrownBy(() -> convert(Attr.of("big", AttributeDefinition.LONG), "1e3"))
                .hasMessageContaining("it must be of type Long");
        assertThatThrownBy(() -> convert(Attr.of("ratio", AttributeDefinition.DOUBLE), "half"))
                .hasMessageContaining("it must be of type Double");
        assertThatThrownBy(() -> convert(Attr.of("f", AttributeDefinition.FLOAT), "x"))
                .hasMessageContaining("it must be of type Float");
        assertThatThrownBy(() -> convert(Attr.of("s", AttributeDefinition.SHORT), "70000"))
                .hasMessageContaining("it must be of type Short");
    }

    @Test
    void aCharacterIsExactlyOneCharacter() {
        assertThatThrownBy(() -> convert(Attr.of("sep", AttributeDefinition.CHARACTER), "ab"))
                .hasMessage("'ab' is not a valid value for sep of hello: it must be of type Character. "
                        + "Nothing was changed.");
    }

    @Test
    void aBooleanIsTrueOrFalseNotYesOrOne() {
        assertThatThrownBy(() -> convert(Attr.of("on", AttributeDefinition.BOOLEAN), "yes"))
                .hasMessageContaining("'yes' is not a valid value for on of hello: it must be of type Boolean");
        assertThatThrownBy(() -> convert(Attr.of("on", AttributeDefinition.BOOLEAN), "1"))
                .isInstanceOf(PluginException.class);
    }

    @Test
    void anEmptyValueIsRefusedForEveryTypeButStringAndPassword() {
        assertThatThrownBy(() -> convert(Attr.of("count", AttributeDefinition.INTEGER), ""))
                .hasMessage("'' is not a valid value for count of hello: a value of type Integer is required. "
                        + "Nothing was changed.");
        assertThat(convert(Attr.of("secret", AttributeDefinition.PASSWORD), "")).isEqualTo("");
    }

    @Test
    void aRequiredStringCannotBeEmpty() {
        Attr name = Attr.of("name", AttributeDefinition.STRING);
        assertThatThrownBy(() -> SchemaMapper.convert("hello", name, "", true))
                .hasMessage("'' is not a valid value for name of hello: it is required and cannot be empty. "
                        + "Nothing was changed.");
        assertThat(SchemaMapper.convert("hello", name, "Ada", true)).isEqualTo("Ada");
    }

    @Test
    void optionsLimitTheValuesAndAreListedInTheError() {
        Attr level = new Attr("level", AttributeDefinition.STRING, 0, new String[] {"low", "high"}, null, null);
        assertThat(convert(level, "high")).isEqualTo("high");
        assertThatThrownBy(() -> convert(level, "medium"))
                .hasMessage("'medium' is not a valid value for level of hello: allowed values are low, high. "
                        + "Nothing was changed.");
    }

    @Test
    void theDefinitionsOwnValidationMessageIsPassedOn() {
        Attr port = new Attr("port", AttributeDefinition.INTEGER, 0, null, null, "must be below 1024");
        assertThatThrownBy(() -> convert(port, "8080"))
                .hasMessage("'8080' is not a valid value for port of hello: must be below 1024. Nothing was changed.");
        Attr fine = new Attr("port", AttributeDefinition.INTEGER, 0, null, null, "");
        assertThat(convert(fine, "80")).isEqualTo(80);
    }

    @Test
    void aMultiValueAttributeSplitsOnCommasIntoATypedArray() {
        Attr ports = new Attr("ports", AttributeDefinition.INTEGER, 5, null, null, null);
        Object value = convert(ports, "80, 443 ,8080");
        assertThat(value).isInstanceOf(Integer[].class);
        assertThat((Integer[]) value).containsExactly(80, 443, 8080);

        Attr names = new Attr("names", AttributeDefinition.STRING, -3, null, null, null);
        assertThat((String[]) convert(names, " a,b ")).containsExactly("a", "b");

        assertThatThrownBy(() -> convert(ports, "80,,443"))
                .hasMessageContaining("'80,,443' is not a valid value for ports of hello: a value of type Integer "
                        + "is required");
        assertThatThrownBy(() -> convert(ports, "80,http"))
                .hasMessageContaining("'80,http' is not a valid value for ports of hello: it must be of type Integer");
    }

    @Test
    void theSchemaShowsTypesRequiredDefaultsOptionsAndCurrentValues() {
        Attr greeting = new Attr("greeting", AttributeDefinition.STRING, 0, null, new String[] {"Hello"}, null);
        Attr ports = new Attr("ports", AttributeDefinition.INTEGER, 3, null, new String[] {"80", "443"}, null);
        Attr mode = new Attr("mode", AttributeDefinition.STRING, 0, new String[] {"loud", "quiet"}, null, null);
        Attr secret = Attr.of("secret", AttributeDefinition.PASSWORD);
        Ocd ocd = new Ocd(new AttributeDefinition[] {greeting, ports, mode, secret},
                new AttributeDefinition[] {greeting});
        Hashtable<String, Object> values = new Hashtable<>();
        values.put("ports", new Integer[] {8080, 8443});
        values.put("mode", "quiet");

        ConfigurationSchema schema = SchemaMapper.schema("hello.greeting", ocd, values);

        assertThat(schema.pid()).isEqualTo("hello.greeting");
        assertThat(schema.name()).isEqualTo("Greeting");
        assertThat(schema.description()).isEqualTo("How hello greets");
        assertThat(schema.attributes()).containsExactly(
                new ConfigurationSchema.Attribute("greeting", "greeting name", "greeting description", "String", true,
                        "Hello", List.of(), null),
                new ConfigurationSchema.Attribute("ports", "ports name", "ports description", "Integer[]", false,
                        "80,443", List.of(), "8080,8443"),
                new ConfigurationSchema.Attribute("mode", "mode name", "mode description", "String", false, null,
                        List.of("loud", "quiet"), "quiet"),
                new ConfigurationSchema.Attribute("secret", "secret name", "secret description", "Password", false,
                        null, List.of(), null));

        assertThat(SchemaMapper.schema("hello.greeting", ocd, null).attributes())
                .allSatisfy(a -> assertThat(a.value()).isNull());
    }

    @Test
    void findLooksUpAnAttributeById() {
        Attr a = Attr.of("a", AttributeDefinition.STRING);
        Attr b = Attr.of("b", AttributeDefinition.LONG);
        Ocd ocd = new Ocd(new AttributeDefinition[] {a, b}, null);
        assertThat(SchemaMapper.find(ocd, "b")).isSameAs(b);
        assertThat(SchemaMapper.find(ocd, "c")).isNull();
        assertThat(SchemaMapper.ids(null)).isEmpty();
    }

    @Test
    void everyTypeHasAName() {
        assertThat(List.of(AttributeDefinition.STRING, AttributeDefinition.LONG, AttributeDefinition.INTEGER,
                AttributeDefinition.SHORT, AttributeDefinition.CHARACTER, AttributeDefinition.BYTE,
                AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT, AttributeDefinition.BOOLEAN,
                AttributeDefinition.PASSWORD, 99).stream().map(SchemaMapper::typeName).toList())
                .containsExactly("String", "Long", "Integer", "Short", "Character", "Byte", "Double", "Float",
                        "Boolean", "Password", "type 99");
    }
}
