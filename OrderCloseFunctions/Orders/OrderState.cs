namespace OrderClose.Orders;

public enum OrderState
{
    New,
    Paid,
    Cancelled,
}
