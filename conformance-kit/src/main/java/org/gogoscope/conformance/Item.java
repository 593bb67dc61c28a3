package org.gogoscope.conformance;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A JSON-B mappable value used by the contract tests: a mutable bean with nested structures. */
public class Item {

    private String name;
    private int quantity;
    private List<String> tags;
    private Map<String, Double> prices;

    public Item() {
    }

    public Item(String name, int quantity, List<String> tags, Map<String, Double> prices) {
        this.name = name;
        this.quantity = quantity;
        this.tags = tags;
        this.prices = prices;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    public Map<String, Double> getPrices() {
        return prices;
    }

    public void setPrices(Map<String, Double> prices) {
        this.prices = prices;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Item other && quantity == other.quantity && Objects.equals(name, other.name)
                && Objects.equals(tags, other.tags) && Objects.equals(prices, other.prices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, quantity, tags, prices);
    }

    @Override
    public String toString() {
        return "Item[" + name + ", " + quantity + ", " + tags + ", " + prices + "]";
    }

    /** A value JSON-B cannot write: its getter throws. */
    public static class Unmappable {
        public String getBroken() {
            throw new IllegalStateException("this getter cannot be serialised");
        }
    }
}
