Console.WriteLine("Terraform v1.5.7");
