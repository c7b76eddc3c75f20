package io.heartwise.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/**
 * Names each property in a constraint violation as the file names it: by its
 * {@link JsonProperty @JsonProperty} name where a document's component is called otherwise in Java
 * ({@link QuestionDocument#questionType()} is {@code type} in a quiz file), so that the problem
 * says {@code type} and points at the value the author wrote.
 */
final class JsonPropertyNames implements PropertyNodeNameProvider {

    @Override
    public String getName(Property property) {
        if (property instanceof JavaBeanProperty bean) {
            try {
                JsonProperty renamed = bean.getDeclaringClass().getDeclaredField(property.getName()).getAnnotation(JsonProperty.class);
                if (renamed != null && !renamed.value().isEmpty()) {
                    return renamed.value();
                }
            } catch (NoSuchFieldException e) {
                // a getter without a field of its name: its Java name is the only one
            }
        }
        return property.getName();
    }
}
