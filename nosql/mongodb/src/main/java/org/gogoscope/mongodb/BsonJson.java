package org.gogoscope.mongodb;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.Decimal128;

/**
 * Converts the JSON text of the typed layer into real BSON values and back, so other tools see documents,
 * arrays and numbers rather than strings. The JSON is read with JSON-P, never as MongoDB Extended JSON, so a
 * key such as {@code $date} in application data stays an ordinary key.
 *
 * <p>Numbers: integers become int32 or int64, or decimal128 beyond 64 bits; fractions become double when the
 * double is exactly the written number, else decimal128. Reading back writes the same numbers.
 */
final class BsonJson {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private BsonJson() {
    }

    /** The BSON value of JSON text; {@link IllegalArgumentException} if the JSON or a number cannot be stored. */
    static BsonValue toBson(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return toBson(reader.readValue());
        } catch (JsonException e) {
            throw new IllegalArgumentException("value is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** JSON text of a stored BSON value. Types JSON lacks (dates, ids) appear as relaxed Extended JSON. */
    static String toJson(BsonValue value) {
        return toJsonValue(value).toString();
    }

    private static BsonValue toBson(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT:
                BsonDocument document = new BsonDocument();
                for (Map.Entry<String, JsonValue> field : value.asJsonObject().entrySet()) {
                    document.append(field.getKey(), toBson(field.getValue()));
                }
                return document;
            case ARRAY:
                BsonArray array = new BsonArray();
                for (JsonValue element : value.asJsonArray()) {
                    array.add(toBson(element));
                }
                return array;
            case STRING:
                return new BsonString(((jakarta.json.JsonString) value).getString());
            case NUMBER:
                return number(((JsonNumber) value).bigDecimalValue());
            case TRUE:
                return BsonBoolean.TRUE;
            case FALSE:
                return BsonBoolean.FALSE;
            default:
                return BsonNull.VALUE;
        }
    }

    private static BsonValue number(BigDecimal number) {
        if (number.scale() <= 0) { // written without a fraction
            try {
                long exact = number.longValueExact();
                return exact == (int) exact ? new BsonInt32((int) exact) : new BsonInt64(exact);
            } catch (ArithmeticException beyondLong) {
                return decimal(number);
            }
        }
        double approximate = number.doubleValue();
        if (Double.isFinite(approximate) && new BigDecimal(Double.toString(approximate)).compareTo(number) == 0) {
            return new BsonDouble(approximate);
        }
        return decimal(number);
    }

    private static BsonValue decimal(BigDecimal number) {
        try {
            return new BsonDecimal128(new Decimal128(number));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("value holds the number " + number
                    + ", which MongoDB cannot store exactly (decimal128 has 34 digits)", e);
        }
    }

    private static JsonValue toJsonValue(BsonValue value) {
        switch (value.getBsonType()) {
            case DOCUMENT:
                JsonObjectBuilder object = Json.createObjectBuilder();
                for (Map.Entry<String, BsonValue> field : value.asDocument().entrySet()) {
                    object.add(field.getKey(), toJsonValue(field.getValue()));
                }
                return object.build();
            case ARRAY:
                JsonArrayBuilder array = Json.createArrayBuilder();
                for (BsonValue element : value.asArray()) {
                    array.add(toJsonValue(element));
                }
                return array.build();
            case STRING:
                return Json.createValue(value.asString().getValue());
            case INT32:
                return Json.createValue(value.asInt32().getValue());
            case INT64:
                return Json.createValue(value.asInt64().getValue());
            case DOUBLE:
                double number = value.asDouble().getValue();
                return Double.isFinite(number) ? Json.createValue(number) : Json.createValue(Double.toString(number));
            case DECIMAL128:
                Decimal128 decimal = value.asDecimal128().getValue();
                return decimal.isNaN() || decimal.isInfinite() ? Json.createValue(decimal.toString())
                        : Json.createValue(decimal.bigDecimalValue());
            case BOOLEAN:
                return value.asBoolean().getValue() ? JsonValue.TRUE : JsonValue.FALSE;
            case NULL:
            case UNDEFINED:
                return JsonValue.NULL;
            default: // written by another tool: its relaxed Extended JSON form
                String wrapped = new BsonDocument("v", value).toJson(RELAXED);
                try (JsonReader reader = Json.createReader(new StringReader(wrapped))) {
                    return reader.readObject().get("v");
                }
        }
    }
}
